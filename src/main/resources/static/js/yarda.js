// Small progressive enhancements; every page works without them.
(function () {
  'use strict';

  function each(root, selector, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fn);
  }

  // Forms are sent once: the button is disabled while the request is on its way.
  function submitOnce(root) {
    each(root, 'form', function (form) {
      var button = form.querySelector('[data-submit-once]');
      if (!button || form.dataset.submitOnceBound) return;
      form.dataset.submitOnceBound = 'true';
      form.addEventListener('submit', function () {
        setTimeout(function () {
          button.disabled = true;
          button.classList.add('busy');
          button.setAttribute('aria-busy', 'true');
        }, 0);
      });
    });
  }

  // "Address" or "photo": show only the fields of the chosen input.
  function inputType(root) {
    var form = root.querySelector('#generate-form');
    if (!form) return;
    function update() {
      var checked = form.querySelector('[data-input-type]:checked');
      var type = checked ? checked.value : 'address';
      each(form, '[data-for-type]', function (field) {
        field.hidden = field.dataset.forType !== type;
      });
    }
    each(form, '[data-input-type]', function (radio) { radio.addEventListener('change', update); });
    update();
  }

  // Drag and drop a photo, with a preview before anything is sent.
  function dropzone(root) {
    each(root, '[data-dropzone]', function (zone) {
      var input = zone.querySelector('[data-photo-input]');
      var preview = zone.querySelector('[data-photo-preview]');
      function show(file) {
        if (!file || !/^image\//.test(file.type)) { preview.hidden = true; return; }
        preview.src = URL.createObjectURL(file);
        preview.hidden = false;
        zone.classList.add('has-photo');
      }
      input.addEventListener('change', function () { show(input.files[0]); });
      ['dragenter', 'dragover'].forEach(function (name) {
        zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('dragging'); });
      });
      ['dragleave', 'drop'].forEach(function (name) {
        zone.addEventListener(name, function () { zone.classList.remove('dragging'); });
      });
      zone.addEventListener('drop', function (event) {
        event.preventDefault();
        if (event.dataTransfer && event.dataTransfer.files.length) {
          input.files = event.dataTransfer.files;
          show(input.files[0]);
        }
      });
    });
  }

  // Live 0/500 counter.
  function counters(root) {
    each(root, '[data-counter]', function (area) {
      var out = document.querySelector('[data-counter-value]');
      function update() { out.textContent = area.value.length; }
      area.addEventListener('input', update);
      update();
    });
  }

  // The rate-limit banner counts down and re-enables the button at zero.
  function countdowns(root) {
    each(root, '[data-countdown]', function (banner) {
      var left = parseInt(banner.dataset.countdown, 10);
      var value = banner.querySelector('[data-countdown-value]');
      var button = document.getElementById('generate-button');
      var timer = setInterval(function () {
        left -= 1;
        if (left <= 0) {
          clearInterval(timer);
          banner.hidden = true;
          if (button) button.disabled = false;
          var remaining = document.querySelector('[data-remaining]');
          if (remaining && remaining.textContent === '0') remaining.textContent = '1';
        } else {
          value.textContent = left;
        }
      }, 1000);
    });
  }

  // "Send a new link" waits out the 60-second cooldown, visibly.
  function cooldowns(root) {
    each(root, '[data-cooldown]', function (form) {
      var button = form.querySelector('[data-cooldown-button]');
      var text = form.querySelector('[data-cooldown-text]');
      var left = parseInt(form.dataset.cooldown, 10);
      button.disabled = true;
      function tick() {
        if (left <= 0) {
          button.disabled = false;
          text.textContent = '';
          return;
        }
        text.textContent = 'You can ask for a new link in ' + left + ' s.';
        left -= 1;
        setTimeout(tick, 1000);
      }
      tick();
    });
  }

  // Before/after: the range input reveals the design over the photo.
  function compare(root) {
    each(root, '[data-compare]', function (box) {
      var range = box.querySelector('[data-compare-range]');
      var after = box.querySelector('[data-compare-after]');
      function update() { after.style.width = range.value + '%'; }
      range.addEventListener('input', update);
      update();
    });
  }

  // "For example" chips add their wish to the feedback box.
  function examples(root) {
    each(root, '[data-feedback-example]', function (chip) {
      chip.addEventListener('click', function () {
        var box = document.getElementById('feedback-input');
        if (!box) return;
        var text = box.value.trim();
        box.value = text ? text.replace(/[.,;]?$/, ', ') + chip.textContent : chip.textContent;
        box.focus();
      });
    });
  }

  // Compare styles: at most three, and the button says what they cost.
  function styleChoice(root) {
    var form = root.querySelector('form[data-comparing]');
    if (!form) return;
    var boxes = form.querySelectorAll('[data-compare-style]');
    var button = form.querySelector('#generate-button');
    function update() {
      var checked = form.querySelectorAll('[data-compare-style]:checked').length;
      Array.prototype.forEach.call(boxes, function (box) { box.disabled = !box.checked && checked >= 3; });
      if (button && !button.classList.contains('busy')) {
        button.textContent = 'Create ' + checked + ' designs · ' + checked + (checked === 1 ? ' credit' : ' credits');
      }
    }
    Array.prototype.forEach.call(boxes, function (box) { box.addEventListener('change', update); });
    update();
  }

  // The history filter applies itself.
  function autosubmit(root) {
    each(root, 'form[data-autosubmit] select', function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
  }

  // Dates in the reader's time zone.
  function localDates(root) {
    each(root, 'time[data-local]', function (time) {
      var value = time.getAttribute('datetime');
      if (!value) return;
      var date = new Date(value);
      var options = time.dataset.local === 'day'
        ? {day: 'numeric', month: 'short', year: 'numeric'}
        : {day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'};
      time.textContent = date.toLocaleString(undefined, options);
    });
  }

  // A share link (or a secret, or an API key: data-copied says what) is copied with one tap; without a clipboard it
  // stays visible text to select.
  function copyButtons(root) {
    each(root, '[data-copy]', function (button) {
      var source = document.querySelector(button.dataset.copy);
      var status = document.querySelector('[data-copy-status]');
      if (!source || !navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(source.value).then(function () {
          if (status) status.textContent = button.dataset.copied || 'Link copied.';
        }, function () {
          source.select();
          if (status) status.textContent = button.dataset.copied ? 'Select it and copy it.' : 'Select the link and copy it.';
        });
      });
    });
  }

  // "Print" on a shared design; the browser's own print command works as well.
  function printButtons(root) {
    each(root, '[data-print]', function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  }

  function enhance(root) {
    submitOnce(root); inputType(root); dropzone(root); counters(root); countdowns(root);
    cooldowns(root); compare(root); autosubmit(root); localDates(root); examples(root); styleChoice(root);
    copyButtons(root); printButtons(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    enhance(document);
    // fragments swapped in by htmx (the progress panel) get the same treatment
    document.body.addEventListener('htmx:load', function (event) {
      if (event.target !== document.body) {
        compare(event.target); localDates(event.target); examples(event.target); submitOnce(event.target);
        copyButtons(event.target);
      }
    });
    // htmx requests carry the CSRF token of the page
    document.body.addEventListener('htmx:configRequest', function (event) {
      var token = document.querySelector('meta[name="_csrf"]');
      var header = document.querySelector('meta[name="_csrf_header"]');
      if (token && header) event.detail.headers[header.content] = token.content;
    });
  });
})();
