/* "Where are you?": beside each benchmark the reader picks their own organisation's answer
 * and sees where it stands; "Your benchmark" gathers every answer on the page.
 *
 * Progressive enhancement: the choices and the summary are `hidden` in the HTML and shown
 * only here. Private by construction: the answers live in the page's own address (its
 * fragment, which browsers never send to a server), and nothing is requested or stored.
 * The sentences for single-answer questions are written at build time (data attributes);
 * this script picks one, or joins the pieces for several-answer questions. Ids from data are
 * only ever compared as strings, never put into a selector, so any id the schema accepts works.
 * No dependencies. tests/browser/test_self_assessment.py checks every sentence. */
(function () {
  "use strict";

  var PREFIX = "#answers:"; // #answers:SURVEY.QUESTION=ANSWER+ANSWER&SURVEY.QUESTION=  ("=" alone: none of these)
  var ANNOUNCE_DELAY = 400; // ms: arrow keys through a radio group announce once, where the reader stops

  function quote(text) {
    return "\u201c" + text + "\u201d";
  }

  function shares(inputs) {
    return inputs.map(function (input) {
      return quote(input.dataset.label) + ", " + input.dataset.share;
    }).join("; ");
  }

  function Question(fieldset) {
    this.fieldset = fieldset;
    this.survey = fieldset.dataset.survey;
    this.key = fieldset.dataset.survey + "." + fieldset.dataset.question;
    this.multiple = fieldset.dataset.kind === "multiple";
    this.anchor = fieldset.dataset.anchor;
    var heading = document.getElementById(fieldset.dataset.heading);
    this.title = heading ? heading.textContent : "";
    this.inputs = Array.prototype.slice.call(fieldset.querySelectorAll("input"));
    this.none = this.inputs.filter(function (input) { return input.hasAttribute("data-none"); })[0];
    this.answers = this.inputs.filter(function (input) { return input !== this.none; }, this);
    this.result = fieldset.querySelector(".where__result");
    this.clear = fieldset.querySelector(".where__clear");
    this.timer = null;
  }

  Question.prototype.chosen = function () {
    return this.answers.filter(function (input) { return input.checked; });
  };

  Question.prototype.answered = function () {
    return this.none.checked || this.chosen().length > 0;
  };

  // Where the reader stands: the sentence under the choices and in the summary.
  Question.prototype.standing = function () {
    if (!this.answered()) return "";
    if (!this.multiple) return (this.none.checked ? this.none : this.chosen()[0]).dataset.result;
    var chosen = this.chosen();
    var majority = this.answers.filter(function (input) { return input.hasAttribute("data-majority"); });
    var missed = majority.filter(function (input) { return !input.checked; });
    if (!majority.length) {
      var lead = chosen.length ? "Share of respondents who chose each of your answers: " + shares(chosen) + ". " : "";
      return lead + "No answer was chosen by more than half of respondents.";
    }
    if (!chosen.length) return "Chosen by more than half of respondents, but not by you: " + shares(majority) + ".";
    var text = "Share of respondents who chose each of your answers: " + shares(chosen) + ".";
    if (!missed.length) return text + " You chose every answer that more than half of respondents chose.";
    return text + " Chosen by more than half of respondents, but not by you: " + shares(missed) + ".";
  };

  // The summary's line: what the reader answered, then where it places them. (A
  // several-answer standing already names every answer chosen.)
  Question.prototype.summaryText = function () {
    if (!this.answered()) return "Not answered yet.";
    if (this.none.checked) return "You chose none of these. " + this.standing();
    if (this.multiple) return this.standing();
    return "You answered " + quote(this.chosen()[0].dataset.label) + ". " + this.standing();
  };

  // The reader's rows in the table: bold, a bar in the emphasis colour, and the words
  // "Your answer" in the figure's cell (never in the row's header, which names the row).
  Question.prototype.mark = function () {
    this.answers.forEach(function (input) {
      var row = document.getElementById(this.anchor + "--" + input.value);
      if (!row) return;
      row.classList.toggle("is-you", input.checked);
      var cell = row.querySelector("td");
      var badge = cell.querySelector(".you-badge");
      if (input.checked && !badge) {
        badge = document.createElement("span");
        badge.className = "you-badge";
        badge.textContent = "Your answer";
        cell.appendChild(badge);
      } else if (!input.checked && badge) {
        badge.remove();
      }
    }, this);
  };

  Question.prototype.show = function (now) {
    var self = this;
    clearTimeout(this.timer);
    this.mark();
    this.clear.hidden = !this.answered();
    if (now) {
      this.result.textContent = this.standing();
    } else {
      // One announcement per change: the live region is written once the reader stops.
      this.timer = setTimeout(function () { self.result.textContent = self.standing(); }, ANNOUNCE_DELAY);
    }
  };

  Question.prototype.fragment = function () {
    if (!this.answered()) return null;
    return this.key + "=" + this.chosen().map(function (input) { return input.value; }).join("+");
  };

  Question.prototype.restore = function (values) {
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

  function Summary(section, questions) {
    this.section = section;
    this.questions = questions.filter(function (q) { return q.survey === section.dataset.survey; });
    this.list = section.querySelector(".your-benchmark__list");
    this.count = section.querySelector(".your-benchmark__count");
    this.link = section.querySelector(".your-benchmark__link");
    this.status = section.querySelector(".your-benchmark__status");
  }

  Summary.prototype.show = function (address) {
    var answered = this.questions.filter(function (q) { return q.answered(); }).length;
    this.section.classList.toggle("has-answers", answered > 0); // print shows it only then
    this.count.textContent = "You have answered " + answered + " of the " + this.questions.length +
      " benchmarks on this page.";
    this.list.textContent = "";
    this.questions.forEach(function (q) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + q.fieldset.dataset.heading;
      link.textContent = q.title;
      item.appendChild(link);
      item.appendChild(document.createTextNode(": " + q.summaryText()));
      this.list.appendChild(item);
    }, this);
    this.link.href = address;
  };

  function start() {
    var questions = Array.prototype.map.call(document.querySelectorAll("fieldset.where"), function (f) {
      return new Question(f);
    });
    if (!questions.length) return;
    var summaries = Array.prototype.map.call(document.querySelectorAll("section.your-benchmark"), function (s) {
      return new Summary(s, questions);
    });

    function address() {
      var parts = questions.map(function (q) { return q.fragment(); }).filter(Boolean);
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

    function restore() {
      var saved = readFragment();
      if (!saved) return false;
      questions.forEach(function (q) {
        q.restore(saved.get(q.key));
        q.show(true);
      });
      return true;
    }

    questions.forEach(function (q) {
      q.fieldset.addEventListener("change", function (event) {
        var input = event.target;
        if (q.multiple && input.checked) {
          // "None of these" and the answers exclude each other.
          if (input === q.none) q.answers.forEach(function (i) { i.checked = false; });
          else q.none.checked = false;
        }
        q.show(false);
        update();
      });
      q.clear.addEventListener("click", function () {
        q.inputs.forEach(function (input) { input.checked = false; });
        q.inputs[0].focus(); // the button hides itself: keep the reader's place
        q.show(true);
        update();
      });
      q.fieldset.hidden = false;
    });

    summaries.forEach(function (s) {
      s.section.querySelector(".your-benchmark__copy").addEventListener("click", function () {
        var here = address();
        var done = function () { s.status.textContent = "Link copied. It opens this page with your answers."; };
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
      if (!restore() && !questions.some(function (q) { return q.answered(); })) return;
      update();
    });

    restore();
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
