// A file field's button and "no file chosen" come from the browser's own language ("Choose File" in an English
// Chromium), which no label can change. Where script runs, every file field gets Danish words instead: the native
// input stays (invisible, on top of the Danish button, still focused and announced by its label), so the form posts
// exactly as before. Without script the browser's own picker shows.
(function () {
  'use strict';
  var inputs = document.querySelectorAll('input[type=file].form-input');
  Array.prototype.forEach.call(inputs, function (input) {
    var wrap = document.createElement('span');
    wrap.className = 'file-picker';
    var button = document.createElement('span');
    button.className = 'button button-secondary file-picker-button';
    button.setAttribute('aria-hidden', 'true');
    button.textContent = input.multiple ? 'Vælg filer' : 'Vælg fil';
    var status = document.createElement('span');
    status.className = 'file-picker-status';
    status.setAttribute('aria-hidden', 'true');
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(button);
    wrap.appendChild(status);
    wrap.appendChild(input);
    input.classList.add('file-picker-input');
    function show() {
      var names = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
      status.textContent = names.length ? names.join(', ') : 'Ingen fil valgt';
    }
    input.addEventListener('change', show);
    show();
  });
})();
