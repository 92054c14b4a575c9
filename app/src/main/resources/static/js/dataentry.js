// Keyboard-only data entry: Enter moves to the next field of the form (Shift+Enter to the previous one), in
// the order of the paper, instead of submitting it. The buttons keep their normal Enter behaviour.
(function () {
  'use strict';
  var form = document.getElementById('entry-form');
  if (!form) {
    return;
  }
  function fields() {
    return Array.prototype.filter.call(
      form.querySelectorAll('input:not([type=hidden]):not([disabled]):not([readonly])'),
      function (el) { return el.offsetParent !== null || el === document.activeElement; });
  }
  form.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.target.tagName !== 'INPUT') {
      return;
    }
    event.preventDefault();
    var list = fields();
    var i = list.indexOf(event.target);
    var next = list[event.shiftKey ? i - 1 : i + 1];
    if (next) {
      next.focus();
      if (next.select && next.type === 'text') {
        next.select();
      }
    } else if (!event.shiftKey) {
      var save = form.querySelector('button[value=save]');
      if (save) {
        save.focus();
      }
    }
  });
  // Focus the first field to enter (or the first field concerned by a message), so typing can start at once.
  var first = form.querySelector('input[aria-invalid=true]:not([readonly]):not([disabled])') || fields()[0];
  if (first) {
    first.focus();
  }
})();
