// Keyboard-only data entry. Enter moves to the next field of the form (Shift+Enter to the previous one), in the
// order of the paper, instead of submitting it; Page Down / Page Up jump to the first field of the next / previous
// part; Ctrl+Enter saves. The buttons keep their normal Enter behaviour. The shortcuts are listed on the form.
(function () {
  'use strict';
  var form = document.getElementById('entry-form');
  if (!form) {
    return;
  }
  function usable(el) {
    // :enabled also excludes the inputs of a disabled fieldset (the skipped checks-and-corrections page).
    return el.matches(':enabled') && !el.readOnly && (el.offsetParent !== null || el === document.activeElement);
  }
  function fields(root) {
    return Array.prototype.filter.call(
      (root || form).querySelectorAll('input:not([type=hidden])'), usable);
  }
  function go(el) {
    el.focus();
    if (el.select && el.type === 'text') {
      el.select();
    }
  }
  function sectionOf(el) {
    var s = el.closest('fieldset.entry-section');
    return s;
  }
  form.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      var save = form.querySelector('button[value=save]');
      if (save) {
        save.click();
      }
      return;
    }
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      var sections = Array.prototype.filter.call(form.querySelectorAll('fieldset.entry-section'),
        function (s) { return fields(s).length > 0; });
      var current = sections.indexOf(sectionOf(event.target));
      var target = sections[event.key === 'PageDown' ? current + 1 : Math.max(current - 1, 0)];
      if (target) {
        event.preventDefault();
        go(fields(target)[0]);
      }
      return;
    }
    if (event.key !== 'Enter' || event.target.tagName !== 'INPUT') {
      return;
    }
    event.preventDefault();
    var list = fields();
    var i = list.indexOf(event.target);
    var next = list[event.shiftKey ? i - 1 : i + 1];
    if (next) {
      go(next);
    } else if (!event.shiftKey) {
      var button = form.querySelector('button[value=save]');
      if (button) {
        button.focus();
      }
    }
  });

  // N 10-1: the checks-and-corrections page is skipped when the report says it is missing (abacus.md §3.1).
  var pageYes = form.querySelector('input[name="aboutReport.checksPagePresent.yes"]');
  var pageNo = form.querySelector('input[name="aboutReport.checksPagePresent.no"]');
  var checks = form.querySelector('input[name^="checks."]');
  var checksSection = checks ? sectionOf(checks) : null;
  function updateChecks() {
    if (!checksSection || !pageYes || !pageNo) {
      return;
    }
    var missing = pageNo.checked && !pageYes.checked;
    checksSection.disabled = missing;
    checksSection.classList.toggle('skipped', missing);
  }
  if (pageYes && pageNo) {
    pageYes.addEventListener('change', updateChecks);
    pageNo.addEventListener('change', updateChecks);
    updateChecks();
  }

  // Focus the first field to enter (or the first field concerned by a message), so typing can start at once.
  var first = Array.prototype.filter.call(form.querySelectorAll('input[aria-invalid=true]'), usable)[0] || fields()[0];
  if (first) {
    first.focus();
  }
})();
