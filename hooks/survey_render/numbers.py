"""How figures are written, the same in tables, sentences, downloads and the reader's results."""

from decimal import Decimal


def plain_number(value: float) -> str:
    """The number as the writer wrote it, in plain decimals: 53.0 -> '53', 12.5 -> '12.5',
    1e-05 -> '0.00001', -0.0 -> '0'. Never an exponent, never a minus zero."""
    if value == 0:
        return "0"
    text = format(Decimal(repr(float(value))).normalize(), "f")
    return text


def format_percent(value: float) -> str:
    """53.0 -> '53%', 12.5 -> '12.5%'"""
    return f"{plain_number(value)}%"
