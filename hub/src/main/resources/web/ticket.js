// Ticket status page: polls /api/tickets/{label}. All text goes in through textContent, never as markup.
(function () {
  'use strict';

  var LABELS = {
    vi: {
      title: 'Theo dõi số thứ tự',
      number: 'Số thứ tự',
      states: {
        WAITING: 'Đang chờ',
        CALLED: function (c) { return 'Mời đến quầy ' + c; },
        SERVING: function (c) { return 'Đang được phục vụ tại quầy ' + c; },
        ON_HOLD: 'Tạm dừng — quầy sẽ gọi lại',
        DONE: 'Đã phục vụ xong',
        NO_SHOW: 'Đã gọi nhưng vắng mặt',
        CANCELLED: 'Đã hủy',
        CLOSED: 'Hết giờ làm việc, chưa được phục vụ'
      },
      ahead: function (n) { return 'Trước bạn: ' + n + ' người'; },
      estimate: function (m) { return 'Dự kiến chờ: ' + m + ' phút'; },
      noEstimate: 'Dự kiến chờ: chưa có',
      mayNotBeServed: 'Có thể không được phục vụ trong hôm nay',
      updated: function (t) { return 'Cập nhật lúc ' + t; },
      lost: 'Mất kết nối — đang thử lại',
      gone: 'Không tìm thấy số này hôm nay',
      other: 'English',
      otherHref: '?lang=en',
      locale: 'vi-VN'
    },
    en: {
      title: 'Ticket status',
      number: 'Ticket number',
      states: {
        WAITING: 'Waiting',
        CALLED: function (c) { return 'Please go to counter ' + c; },
        SERVING: function (c) { return 'Being served at counter ' + c; },
        ON_HOLD: 'On hold — the counter will call you back',
        DONE: 'Served',
        NO_SHOW: 'Called but not present',
        CANCELLED: 'Cancelled',
        CLOSED: 'The office closed before your turn'
      },
      ahead: function (n) { return 'People ahead of you: ' + n; },
      estimate: function (m) { return 'Estimated wait: ' + m + ' min'; },
      noEstimate: 'Estimated wait: not available',
      mayNotBeServed: 'You may not be served today',
      updated: function (t) { return 'Updated at ' + t; },
      lost: 'Connection lost — retrying',
      gone: 'No such ticket today',
      other: 'Tiếng Việt',
      otherHref: '?',
      locale: 'en-GB'
    }
  };
  var POLL_MS = 15000;
  var TIME_ZONE = 'Asia/Ho_Chi_Minh';

  var lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'vi';
  var L = LABELS[lang];
  var label = decodeURIComponent(window.location.pathname.replace(/^\/ticket\//, ''));

  function byId(id) { return document.getElementById(id); }

  function setText(id, text) { byId(id).textContent = text === undefined || text === null ? '' : String(text); }

  function applyLabels() {
    document.documentElement.lang = lang;
    document.title = L.title + ' ' + label;
    var labelled = document.querySelectorAll('[data-label]');
    for (var i = 0; i < labelled.length; i++) {
      labelled[i].textContent = L[labelled[i].getAttribute('data-label')];
    }
    var other = byId('other-language');
    other.textContent = L.other;
    other.setAttribute('href', L.otherHref);
    setText('label', label);
  }

  function stateText(ticket) {
    var text = L.states[ticket.state];
    if (typeof text === 'function') { return text(ticket.counter); }
    return text || ticket.state;
  }

  function render(ticket) {
    setText('label', ticket.label);
    setText('service', lang === 'en' ? ticket.serviceNameEn : ticket.serviceNameVi);
    setText('state', stateText(ticket));
    var waiting = ticket.state === 'WAITING';
    setText('ahead', waiting ? L.ahead(ticket.ahead) : '');
    // The warning replaces the estimate: a time the office cannot keep is no promise to show.
    if (waiting && ticket.mayNotBeServedToday) {
      setText('estimate', '');
    } else if (waiting) {
      setText('estimate', ticket.estimateMin === undefined ? L.noEstimate : L.estimate(ticket.estimateMin));
    } else {
      setText('estimate', '');
    }
    var warning = byId('warning');
    warning.hidden = !(waiting && ticket.mayNotBeServedToday);
    warning.textContent = warning.hidden ? '' : L.mayNotBeServed;
    setText('updated', L.updated(new Date().toLocaleTimeString(L.locale, { timeZone: TIME_ZONE, hour12: false })));
    byId('problem').hidden = true;
  }

  function problem(text) {
    var node = byId('problem');
    node.textContent = text;
    node.hidden = false;
  }

  function poll() {
    fetch('/api/tickets/' + encodeURIComponent(label), { cache: 'no-store' })
      .then(function (response) {
        if (response.status === 404) { problem(L.gone); return null; }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (ticket) { if (ticket) { render(ticket); } })
      .catch(function () { problem(L.lost); })
      .then(function () { window.setTimeout(poll, POLL_MS); });
  }

  applyLabels();
  poll();
}());
