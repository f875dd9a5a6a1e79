/* "Where are you?": the reader picks their own answer in each benchmark's chart, and one short
 * line beside it says where that answer stands; "Your benchmark" gathers every answer on the
 * page in a table.
 *
 * Progressive enhancement: the page is whole without this script (its tables give every
 * figure, and a line near the top says what answering needs). The script puts a choice in
 * each row's header of a table: radio buttons for a single-answer question (one tab stop, the
 * arrow keys move), check boxes for several answers (one tab stop too: the arrow keys move
 * between them, Space ticks). Private by construction: the answers live in the page's own
 * address (its fragment, which browsers never send to a server); nothing is requested or
 * stored. The lines for single-answer questions are written at build time (data attributes);
 * for several answers this script writes them from each row's share. Ids from data are only
 * ever compared as strings, never put into a selector, so any id the schema accepts works.
 * No dependencies. tests/browser/test_where_are_you.py checks every line. */
(function () {
  "use strict";

  var PREFIX = "#answers:"; // #answers:SURVEY.QUESTION=ANSWER+ANSWER&SURVEY.QUESTION=  ("=" alone: none of these)
  var ANNOUNCE_DELAY = 400; // ms: arrow keys through a radio group announce once, where the reader stops
  var MARGIN = 8; // px kept clear around the row and the line when they are scrolled into view

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // "69%", "69% and 57%", "69%, 57% and 46%"; more than three: "12% to 46%" (the rows show each).
  function shares(rows) {
    var values = rows.map(function (row) { return row.dataset.share; });
    if (values.length > 3) {
      var numbers = values.map(parseFloat);
      var low = values[numbers.indexOf(Math.min.apply(null, numbers))];
      var high = values[numbers.indexOf(Math.max.apply(null, numbers))];
      return low + " to " + high;
    }
    if (values.length === 1) return values[0];
    return values.slice(0, -1).join(", ") + " and " + values[values.length - 1];
  }

  function Benchmark(box) {
    this.box = box;
    this.survey = box.dataset.survey;
    this.key = box.dataset.survey + "." + box.dataset.question;
    this.multiple = box.dataset.kind === "multiple";
    var heading = box.querySelector(".benchmark__title");
    this.heading = heading;
    this.title = heading ? heading.textContent : "";
    this.table = box.querySelector(".benchmark__table");
    this.pick = box.querySelector(".pick");
    this.line = box.querySelector(".pick__line");
    this.clear = box.querySelector(".pick__clear");
    this.rows = Array.prototype.slice.call(this.table.tBodies[0].rows);
    var name = "pick--" + this.key;
    var type = this.multiple ? "checkbox" : "radio";
    this.answers = this.rows.map(function (row) {
      var input = el("input", "pick__input");
      input.type = type;
      input.name = name;
      input.value = row.dataset.answer;
      var header = row.cells[0];
      row.answerLabel = header.firstChild.textContent.trim(); // the label; its definition follows
      var label = el("label", "pick__choice");
      var words = el("span", "pick__words"); // the answer and its definition, one column
      while (header.firstChild) words.appendChild(header.firstChild);
      label.appendChild(input);
      label.appendChild(words);
      header.appendChild(label);
      input.row = row;
      // The whole row is the target: a tap on the figure or the bar picks it too.
      row.addEventListener("click", function (event) {
        if (event.target.closest("label")) return; // the label does it itself
        input.focus({ preventScroll: true });
        input.click();
      });
      return input;
    });
    this.none = el("input", "pick__input");
    this.none.type = type;
    this.none.name = name;
    this.none.value = "";
    var noneLabel = el("label", "pick__choice pick__choice--none");
    noneLabel.appendChild(this.none);
    noneLabel.appendChild(document.createTextNode("None of these"));
    this.noneBox = el("p", "pick__none");
    this.noneBox.appendChild(noneLabel);
    this.table.parentNode.insertBefore(this.noneBox, this.table.nextSibling);
    this.inputs = this.answers.concat([this.none]);
    if (this.multiple) this.rove();
    this.timer = null;
    this.pick.hidden = false;
    this.box.classList.add("is-pickable");
  }

  // Check boxes are one tab stop, as radio buttons are: the arrow keys move between them.
  Benchmark.prototype.rove = function () {
    var inputs = this.inputs;
    function focusAt(index) {
      inputs.forEach(function (input, i) { input.tabIndex = i === index ? 0 : -1; });
      inputs[index].focus();
    }
    inputs.forEach(function (input, i) {
      input.tabIndex = i === 0 ? 0 : -1;
      input.addEventListener("focus", function () {
        inputs.forEach(function (other) { other.tabIndex = other === input ? 0 : -1; });
      });
      input.addEventListener("keydown", function (event) {
        var last = inputs.length - 1;
        var to = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: last }[event.key];
        if (to === undefined) return;
        event.preventDefault();
        focusAt(to > last ? 0 : to < 0 ? last : to);
      });
    });
  };

  Benchmark.prototype.chosen = function () {
    return this.answers.filter(function (input) { return input.checked; });
  };

  Benchmark.prototype.answered = function () {
    return this.none.checked || this.chosen().length > 0;
  };

  // Where the reader stands, in one short line.
  Benchmark.prototype.standing = function () {
    if (!this.answered()) return this.line.dataset.prompt;
    if (!this.multiple) return this.none.checked ? this.box.dataset.none : this.chosen()[0].row.dataset.result;
    var chosen = this.chosen().map(function (input) { return input.row; });
    var most = this.rows.filter(function (row) { return row.hasAttribute("data-majority"); });
    var left = most.filter(function (row) { return chosen.indexOf(row) < 0; });
    var n = most.length;
    if (this.none.checked) {
      if (!n) return "None of these fits you; no answer was chosen by more than half.";
      return "None of these fits you; more than half chose " + (n === 1 ? "one" : n + " of them") + " (" + shares(most) + ").";
    }
    if (!n) {
      return "No answer was chosen by more than half; yours " + (chosen.length === 1 ? "was" : "were") +
        " chosen by " + shares(chosen) + ".";
    }
    if (!left.length) {
      return "You chose " + (n === 1 ? "the answer" : n === 2 ? "both answers" : "all " + n + " answers") +
        " more than half of respondents chose (" + shares(most) + ").";
    }
    if (left.length === n) {
      if (n === 1) return "You did not choose the answer more than half chose (" + shares(most) + ").";
      return "You chose " + (n === 2 ? "neither" : "none") + " of the " + n +
        " answers more than half chose (" + shares(most) + ").";
    }
    return "You chose " + (n - left.length) + " of the " + n + " answers more than half chose; you left out " +
      (left.length === 1 ? "the one at " : "those at ") + shares(left) + ".";
  };

  // The reader's rows: bold, a bar in the emphasis colour, and the words "Your answer" in the
  // figure's cell (never in the row's header, which names the row).
  Benchmark.prototype.mark = function () {
    this.answers.forEach(function (input) {
      var row = input.row;
      row.classList.toggle("is-you", input.checked);
      var cell = row.cells[1];
      var badge = cell.querySelector(".you-badge");
      if (input.checked && !badge) {
        cell.appendChild(el("span", "you-badge", "Your answer"));
      } else if (!input.checked && badge) {
        badge.remove();
      }
    });
    this.noneBox.classList.toggle("is-you", this.none.checked);
    var noneBadge = this.noneBox.querySelector(".you-badge");
    if (this.none.checked && !noneBadge) this.noneBox.appendChild(el("span", "you-badge", "Your answer"));
    else if (!this.none.checked && noneBadge) noneBadge.remove();
  };

  // `now`: write the line at once (a tap, a restored link); otherwise once the arrow keys stop,
  // so that a screen reader announces one line, not one per step. `quiet`: the page changes
  // many lines at once (a link opened, every answer cleared): none is announced, and the
  // reader hears the one notice that says what happened.
  Benchmark.prototype.show = function (now, row, quiet) {
    var self = this;
    clearTimeout(this.timer);
    this.mark();
    this.clear.hidden = !this.answered();
    function write() {
      if (quiet) self.line.setAttribute("aria-live", "off");
      self.line.textContent = self.standing();
      self.line.classList.toggle("is-result", self.answered());
      if (quiet) setTimeout(function () { self.line.removeAttribute("aria-live"); }, 0);
      if (row) self.reveal(row);
    }
    if (now) write();
    else this.timer = setTimeout(write, ANNOUNCE_DELAY);
  };

  // Both the reader's row and the line in view, moving the page as little as needed (the
  // sticky header covers the top of the window).
  Benchmark.prototype.reveal = function (row) {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var line = this.line.getBoundingClientRect();
    var picked = row.getBoundingClientRect();
    var first = Math.min(line.top, picked.top) - MARGIN;
    var last = Math.max(line.bottom, picked.bottom) + MARGIN;
    var by = 0;
    if (last - first > window.innerHeight - top) {
      // Both cannot be in view (large text, a long chart): the row the reader picked is.
      var rowTop = picked.top - MARGIN;
      var rowBottom = picked.bottom + MARGIN;
      if (rowTop < top) by = rowTop - top;
      else if (rowBottom > window.innerHeight) by = rowBottom - window.innerHeight;
    } else if (first < top) by = first - top;
    else if (last > window.innerHeight) by = Math.min(last - window.innerHeight, first - top);
    if (by) window.scrollBy({ top: by, behavior: "instant" });
  };

  Benchmark.prototype.fragment = function () {
    if (!this.answered()) return null;
    return this.key + "=" + this.chosen().map(function (input) { return input.value; }).join("+");
  };

  Benchmark.prototype.restore = function (values) {
    this.inputs.forEach(function (input) { input.checked = false; });
    if (values === undefined) return;
    if (values === "") {
      this.none.checked = true;
      return;
    }
    var wanted = values.split("+");
    this.answers.forEach(function (input) {
      input.checked = wanted.indexOf(input.value) >= 0;
    });
    if (!this.multiple && this.chosen().length > 1) this.chosen().slice(1).forEach(function (i) { i.checked = false; });
  };

  function readFragment() {
    var found = new Map();
    var hash;
    try {
      hash = decodeURIComponent(location.hash); // a mail program may have encoded the ":"
    } catch (err) {
      return null; // a mangled address: start afresh rather than guess
    }
    if (hash.indexOf(PREFIX) !== 0) return null;
    hash.slice(PREFIX.length).split("&").forEach(function (pair) {
      var cut = pair.indexOf("=");
      if (cut > 0) found.set(pair.slice(0, cut), pair.slice(cut + 1));
    });
    return found;
  }

  // "Your benchmark": one row per benchmark of the survey on the page.
  function Summary(section, benchmarks) {
    this.section = section;
    this.benchmarks = benchmarks.filter(function (b) { return b.survey === section.dataset.survey; });
    this.body = section.querySelector(".your-benchmark__table").tBodies[0];
    this.count = section.querySelector(".your-benchmark__count");
    this.link = section.querySelector(".your-benchmark__link");
    this.status = section.querySelector(".your-benchmark__status");
  }

  // One answer in the summary: its words, then its share with a small bar, together.
  function picked(row) {
    var item = el("span", "your-benchmark__pick");
    item.appendChild(el("span", "your-benchmark__answer", row.answerLabel));
    var figure = el("span", "your-benchmark__figure");
    var share = row.dataset.share || row.cells[1].querySelector(".benchmark__value").textContent;
    figure.appendChild(el("span", "your-benchmark__value", share));
    var bar = el("span", "your-benchmark__bar");
    bar.setAttribute("aria-hidden", "true");
    var fill = el("span");
    fill.style.width = parseFloat(share) + "%";
    bar.appendChild(fill);
    figure.appendChild(bar);
    item.appendChild(figure);
    return item;
  }

  Summary.prototype.show = function (address) {
    var answered = this.benchmarks.filter(function (b) { return b.answered(); }).length;
    this.section.classList.toggle("has-answers", answered > 0); // print shows it only then
    this.count.textContent = "You have answered " + answered + " of the " + this.benchmarks.length +
      " benchmarks on this page.";
    this.body.textContent = "";
    this.benchmarks.forEach(function (b) {
      var tr = el("tr");
      var name = el("th");
      name.scope = "row";
      var link = el("a", "", b.title);
      link.href = "#" + b.heading.id;
      name.appendChild(link);
      tr.appendChild(name);
      var answer = el("td");
      if (!b.answered()) answer.textContent = "Not answered";
      else if (b.none.checked) answer.textContent = "None of these";
      b.chosen().forEach(function (input) { answer.appendChild(picked(input.row)); });
      tr.appendChild(answer);
      tr.appendChild(el("td", "", b.answered() ? b.standing() : ""));
      this.body.appendChild(tr);
    }, this);
    this.link.href = address;
    this.link.textContent = address;
  };

  function start() {
    var benchmarks = Array.prototype.map.call(document.querySelectorAll(".benchmark[data-question]"), function (box) {
      return new Benchmark(box);
    });
    if (!benchmarks.length) return;
    var summaries = Array.prototype.map.call(document.querySelectorAll("section.your-benchmark"), function (s) {
      return new Summary(s, benchmarks);
    });
    var slots = Array.prototype.slice.call(document.querySelectorAll(".about-figures__you"));

    function address() {
      var parts = benchmarks.map(function (b) { return b.fragment(); }).filter(Boolean);
      var page = location.href.split("#")[0];
      return parts.length ? page + PREFIX + parts.join("&") : page;
    }

    function update() {
      var here = address();
      // Touch the address only for answers: a reader's own #heading link is left alone.
      var ours = location.hash.indexOf(PREFIX) === 0 || here.indexOf(PREFIX) >= 0;
      if (ours && here !== location.href) history.replaceState(history.state, "", here);
      summaries.forEach(function (s) { s.show(here); });
    }

    function summaryOf(survey) {
      return summaries.filter(function (s) { return s.section.dataset.survey === survey; })[0];
    }

    // The line near the top: how to answer, and where the answers are gathered.
    function ready(slot) {
      slot.textContent = slot.dataset.ready;
      var summary = summaryOf(slot.dataset.survey);
      if (!summary) return;
      slot.appendChild(document.createTextNode(" Your answers are gathered in "));
      var link = el("a", "", "Your benchmark");
      link.href = "#" + summary.section.id;
      slot.appendChild(link);
      slot.appendChild(document.createTextNode(", at the end."));
    }

    // A link with answers: said in that same line, so nothing else on the page moves.
    function shared(slot) {
      slot.textContent = "Answers from this link are marked in the charts: ";
      var summary = summaryOf(slot.dataset.survey);
      if (summary) {
        var link = el("a", "", "see the summary");
        link.href = "#" + summary.section.id;
        slot.appendChild(link);
        slot.appendChild(document.createTextNode(" or "));
      }
      var clear = el("button", "about-figures__clear", "clear them");
      clear.type = "button";
      clear.addEventListener("click", function () {
        benchmarks.forEach(function (b) {
          if (b.survey !== slot.dataset.survey) return;
          b.inputs.forEach(function (input) { input.checked = false; });
          b.show(true, null, true);
        });
        ready(slot);
        slot.tabIndex = -1;
        slot.focus(); // the button is gone: keep the reader's place
        update();
      });
      slot.appendChild(clear);
      slot.appendChild(document.createTextNode("."));
    }

    function restore() {
      var saved = readFragment();
      if (!saved) return false;
      benchmarks.forEach(function (b) {
        b.restore(saved.get(b.key));
        b.show(true, null, true);
      });
      return true;
    }

    var pointer = 0; // when the last tap or click was: its change is shown at once
    benchmarks.forEach(function (b) {
      b.box.addEventListener("pointerdown", function () { pointer = Date.now(); });
      b.box.addEventListener("change", function (event) {
        var input = event.target;
        if (b.multiple && input.checked) {
          // "None of these" and the answers exclude each other.
          if (input === b.none) b.answers.forEach(function (i) { i.checked = false; });
          else b.none.checked = false;
        }
        b.show(Date.now() - pointer < 1000, input.row || b.noneBox);
        update();
      });
      b.clear.addEventListener("click", function () {
        b.inputs.forEach(function (input) { input.checked = false; });
        b.inputs[0].focus(); // the button hides itself: keep the reader's place
        b.show(true);
        update();
      });
    });

    summaries.forEach(function (s) {
      s.section.querySelector(".your-benchmark__copy").addEventListener("click", function () {
        var here = address();
        var done = function () { s.status.textContent = "Copied. The address opens this page with your answers."; };
        var failed = function () {
          s.status.textContent = "Your browser did not allow copying: copy the address shown above.";
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(here).then(done, failed);
        } else {
          failed();
        }
      });
      s.section.querySelector(".your-benchmark__print").addEventListener("click", function () {
        document.documentElement.classList.add("print-my-benchmark");
        s.section.classList.add("is-printing"); // this survey's benchmark only
        window.print();
      });
      s.section.hidden = false;
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("print-my-benchmark");
      summaries.forEach(function (s) { s.section.classList.remove("is-printing"); });
    });
    // A link with answers opened in this tab, or Back and Forward: restore it. A jump to a
    // heading changes the address too: put the answers back in it, so that a bookmark or a
    // copied address still holds them.
    window.addEventListener("hashchange", function () {
      if (!restore() && !benchmarks.some(function (b) { return b.answered(); })) return;
      update();
    });

    var opened = restore();
    slots.forEach(function (slot) {
      ready(slot);
      var answered = benchmarks.some(function (b) { return b.survey === slot.dataset.survey && b.answered(); });
      if (!(opened && answered)) return;
      slot.style.minHeight = slot.getBoundingClientRect().height + "px"; // the notice takes the same room
      shared(slot);
    });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
