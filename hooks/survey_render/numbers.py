"""How figures are written, the same in tables, charts, sentences and the self-assessment."""


def format_percent(value: float) -> str:
    """53.0 -> '53%', 12.5 -> '12.5%'"""
    return f"{value:g}%"
