/* "How do you stack up?": the reader answers the survey for their own organisation and sees
 * where they stand. Progressive enhancement: the section is `hidden` in the HTML and shown
 * only here. Private by construction: reads the figures embedded in the page, makes no
 * request, stores nothing. No dependencies. The sentences are checked word for word by
 * tests/browser/test_self_assessment.py. */
(function () {
  "use strict";

  function quote(answer) {
    return "\u201c" + answer.label + "\u201d";
  }

  function topValue(question) {
    return Math.max.apply(null, question.answers.map(function (a) { return a.value; }));
  }

  function chosenAnswers(fieldset, question) {
    var checked = {};
    fieldset.querySelectorAll("input:checked").forEach(function (input) { checked[input.value] = true; });
    return question.answers.filter(function (a) { return checked[a.id]; });
  }

  // The sentence shown (and announced) under a question once it is answered.
  function resultText(question, chosen) {
    var top = topValue(question);
    if (question.kind === "single") {
      if (!chosen.length) return "";
      var answer = chosen[0];
      var text = "You are with the " + answer.text + " of respondents who answered " + quote(answer) + ".";
      if (answer.value === top) return text + " That is the most common answer.";
      var most = question.answers.filter(function (a) { return a.value === top; })[0];
      return text + " The most common answer was " + quote(most) + " (" + most.text + ").";
    }
    if (!chosen.length) return "You have not chosen any answer to this question.";
    var parts = chosen.map(function (a, i) {
      return (i === 0 ? "Like " + a.text + " of respondents, you chose " : "like " + a.text + ", ") + quote(a);
    });
    var text2 = parts.join("; ") + ".";
    var rest = question.answers.filter(function (a) { return chosen.indexOf(a) < 0; });
    if (rest.length) {
      var restTop = Math.max.apply(null, rest.map(function (a) { return a.value; }));
      var missed = rest.filter(function (a) { return a.value === restTop; })[0];
      text2 += " You did not choose " + quote(missed) + ", chosen by " + missed.text + " of respondents.";
    }
    return text2;
  }

  function summaryLine(question, chosen, answered) {
    if (!answered) return question.title + ": not answered.";
    if (question.kind === "single") {
      var a = chosen[0];
      var line = question.title + ": " + quote(a) + ", with " + a.text + " of respondents";
      return line + (a.value === topValue(question) ? ", the most common answer." : ".");
    }
    if (!chosen.length) return question.title + ": none chosen.";
    return question.title + ": you chose " + chosen.length + " of " + question.answers.length + ": " +
      chosen.map(function (c) { return quote(c) + " (" + c.text + ")"; }).join(", ") + ".";
  }

  function overallText(questions, state) {
    var answered = 0, singles = 0, common = 0;
    questions.forEach(function (q) {
      var s = state[q.id];
      if (!s.answered) return;
      answered += 1;
      if (q.kind === "single") {
        singles += 1;
        if (s.chosen[0].value === topValue(q)) common += 1;
      }
    });
    if (!answered) return "You have not answered any question yet, so there is nothing to compare.";
    var text = "You answered " + answered + " of " + questions.length + " questions.";
    if (singles) {
      text += " You gave the most common answer to " + common + " of the " + singles +
        " one-answer questions you answered.";
    }
    return text;
  }

  function highlight(surveyId, question, chosen) {
    question.answers.forEach(function (a) {
      var you = chosen.indexOf(a) >= 0;
      var suffix = surveyId + "-" + question.id + "-" + a.id;
      var row = document.getElementById("benchmark-" + suffix);
      var bar = document.getElementById("chart-" + suffix);
      if (bar) bar.classList.toggle("is-you", you);
      if (!row) return;
      row.classList.toggle("is-you", you);
      var badge = row.querySelector(".you-badge");
      if (you && !badge) {
        badge = document.createElement("span");
        badge.className = "you-badge";
        badge.textContent = "Your answer";
        row.querySelector("th").appendChild(badge);
      } else if (!you && badge) {
        badge.remove();
      }
    });
  }

  function setUp(section) {
    var data = JSON.parse(section.querySelector("script.self-assessment__data").textContent);
    var state = {};
    var list = section.querySelector(".self-assessment__summary-list");
    var overall = section.querySelector(".self-assessment__overall");

    function refresh() {
      list.textContent = "";
      data.questions.forEach(function (q) {
        var item = document.createElement("li");
        item.textContent = summaryLine(q, state[q.id].chosen, state[q.id].answered);
        list.appendChild(item);
      });
      overall.textContent = overallText(data.questions, state);
    }

    data.questions.forEach(function (question) {
      var fieldset = section.querySelector('fieldset[data-question="' + question.id + '"]');
      var status = fieldset.querySelector('[role="status"]');
      state[question.id] = { chosen: [], answered: false };
      fieldset.addEventListener("change", function () {
        var chosen = chosenAnswers(fieldset, question);
        state[question.id] = { chosen: chosen, answered: true };
        status.textContent = resultText(question, chosen);
        highlight(data.survey, question, chosen);
        refresh();
      });
    });
    section.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    refresh();
    section.hidden = false;
  }

  function start() {
    document.querySelectorAll("section.self-assessment").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
