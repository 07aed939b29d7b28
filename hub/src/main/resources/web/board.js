// Hall board: shows /api/board/stream live. All text goes in through textContent, never as markup.
(function () {
  'use strict';

  var LABELS = {
    vi: {
      title: 'Bảng gọi số',
      counters: 'Các quầy',
      counter: 'Quầy',
      called: 'Mời đến quầy',
      serving: 'Đang phục vụ',
      ready: 'Sẵn sàng',
      paused: 'Tạm nghỉ',
      closed: 'Đóng quầy',
      calls: 'Số vừa gọi',
      noCalls: 'Chưa có lượt gọi',
      recall: 'gọi lại',
      waiting: 'Số người đang chờ',
      waitingCount: function (n) { return n + ' người chờ'; },
      estimate: function (m) { return 'khoảng ' + m + ' phút'; },
      notIssuing: 'tạm ngừng phát số',
      mayNotBeServed: 'số lấy bây giờ có thể không được phục vụ hôm nay',
      noServices: 'Chưa có dịch vụ',
      lost: 'Mất kết nối — đang thử lại',
      locale: 'vi-VN'
    },
    en: {
      title: 'Queue board',
      counters: 'Counters',
      counter: 'Counter',
      called: 'Now calling',
      serving: 'Serving',
      ready: 'Ready',
      paused: 'On a break',
      closed: 'Closed',
      calls: 'Latest calls',
      noCalls: 'No calls yet',
      recall: 'recall',
      waiting: 'People waiting',
      waitingCount: function (n) { return n + ' waiting'; },
      estimate: function (m) { return 'about ' + m + ' min'; },
      notIssuing: 'not issuing tickets',
      mayNotBeServed: 'a ticket taken now may not be served today',
      noServices: 'No services',
      lost: 'Connection lost — retrying',
      locale: 'en-GB'
    }
  };
  var TIME_ZONE = 'Asia/Ho_Chi_Minh';
  var FRESH_MS = 10000;        // how long the newest call stays highlighted
  var MAX_CALLS = 5;           // calls listed
  var RECONNECT_MS = 5000;     // when the browser gives up on the stream itself

  var lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'vi';
  var L = LABELS[lang];

  var view = {
    board: null,         // the last board shown
    services: null,      // the last catalogue shown
    newestCallKey: null, // identity of the newest call seen, to notice a new one
    freshKey: null,      // the call highlighted now
    freshUntil: 0,
    acceptAnySequence: true, // true until the first board of each connection
    clockOffsetMs: 0     // hub clock minus this screen's clock, from the Date header
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function byId(id) { return document.getElementById(id); }

  // ---- labels, clock -----------------------------------------------------------------------------------------

  function applyLabels() {
    document.documentElement.lang = lang;
    document.title = L.title;
    var labelled = document.querySelectorAll('[data-label]');
    for (var i = 0; i < labelled.length; i++) {
      labelled[i].textContent = L[labelled[i].getAttribute('data-label')];
    }
    byId('connection').textContent = L.lost;
  }

  var timeFormat = new Intl.DateTimeFormat(L.locale, {
    timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
  });
  var dateFormat = new Intl.DateTimeFormat(L.locale, {
    timeZone: TIME_ZONE, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric'
  });

  function tick() {
    var now = new Date(Date.now() + view.clockOffsetMs);
    byId('time').textContent = timeFormat.format(now);
    byId('date').textContent = dateFormat.format(now);
  }

  // The hub is the office's time authority; a display Pi without a network clock may be far off.
  function learnClock(response) {
    var header = response.headers.get('Date');
    var hub = header ? Date.parse(header) : NaN;
    if (!isNaN(hub)) {
      var offset = hub - Date.now();
      view.clockOffsetMs = Math.abs(offset) > 2000 ? offset : 0;
    }
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  function serviceName(code) {
    var entries = view.services ? view.services.services : [];
    for (var i = 0; i < entries.length; i++) {
      if (entries[i].code === code) { return lang === 'en' ? entries[i].nameEn : entries[i].nameVi; }
    }
    return code;
  }

  function callKey(call) { return call.ticket + '|' + call.counter + '|' + call.at; }

  function isFresh(key) { return key === view.freshKey && Date.now() < view.freshUntil; }

  function counterTile(state) {
    var tile = el('li', 'tile');
    var current = state.current || null;
    var number = '—';
    var label;
    var kind;
    if (state.status === 'CLOSED') {
      kind = 'closed'; label = L.closed;
    } else if (state.status === 'PAUSED') {
      kind = 'paused'; label = L.paused;
    } else if (current) {
      kind = current.phase === 'CALLED' ? 'called' : 'serving';
      label = current.phase === 'CALLED' ? L.called : L.serving;
    } else {
      kind = 'ready'; label = L.ready;
    }
    if (current && state.status !== 'CLOSED') { number = current.ticket; }
    tile.classList.add(kind);
    var newest = view.board && view.board.recentCalls.length ? view.board.recentCalls[0] : null;
    if (newest && newest.counter === state.counter && isFresh(callKey(newest))) { tile.classList.add('fresh'); }

    tile.appendChild(el('div', 'tile-name', L.counter + ' ' + state.counter));
    tile.appendChild(el('div', 'tile-number', number));
    tile.appendChild(el('div', 'tile-state', label));
    tile.appendChild(el('div', 'tile-service', current && state.status !== 'CLOSED' ? serviceName(current.service) : ''));
    return tile;
  }

  function renderCounters() {
    var list = byId('counters');
    var counters = view.board.counters.slice().sort(function (a, b) { return a.counter - b.counter; });
    list.replaceChildren.apply(list, counters.map(counterTile));
    layoutCounters();
  }

  // Picks the column count that gives the largest tiles of a TV-friendly shape for the space available.
  function layoutCounters() {
    var list = byId('counters');
    var n = Math.max(1, list.children.length);
    var width = list.clientWidth || window.innerWidth;
    var height = list.clientHeight || window.innerHeight;
    var best = 1;
    var bestSize = 0;
    for (var cols = 1; cols <= n; cols++) {
      var rows = Math.ceil(n / cols);
      var size = Math.min(width / cols, (height / rows) * 1.5);
      if (size > bestSize) { bestSize = size; best = cols; }
    }
    list.style.setProperty('--cols', String(best));
    list.style.setProperty('--rows', String(Math.ceil(n / best)));
  }

  function renderCalls() {
    var list = byId('calls');
    var calls = view.board.recentCalls.slice(0, MAX_CALLS);
    if (calls.length === 0) {
      list.replaceChildren(el('li', 'empty', L.noCalls));
      return;
    }
    list.replaceChildren.apply(list, calls.map(function (call) {
      var item = el('li', 'call');
      if (isFresh(callKey(call))) { item.classList.add('fresh'); }
      item.appendChild(el('span', 'call-ticket', call.ticket));
      item.appendChild(el('span', 'call-arrow', ' → '));
      item.appendChild(el('span', 'call-counter', L.counter + ' ' + call.counter));
      if (call.recall) { item.appendChild(el('span', 'call-recall', ' (' + L.recall + ')')); }
      return item;
    }));
  }

  function renderServices() {
    var list = byId('services');
    var entries = view.services ? view.services.services : [];
    if (entries.length === 0) {
      list.replaceChildren(el('li', 'empty', view.services ? L.noServices : ''));
      return;
    }
    // services taking tickets first, in the catalogue's order; closed ones after them
    var ordered = entries.filter(function (e) { return e.open; }).concat(entries.filter(function (e) { return !e.open; }));
    list.replaceChildren.apply(list, ordered.map(function (entry) {
      var item = el('li', entry.open ? 'service' : 'service shut');
      item.appendChild(el('span', 'service-name', (lang === 'en' ? entry.nameEn : entry.nameVi) + ':'));
      item.appendChild(el('span', 'service-count', ' ' + L.waitingCount(entry.waiting)));
      var note = !entry.open ? L.notIssuing
        : entry.mayNotBeServedToday ? L.mayNotBeServed
        : (entry.estimateMin !== undefined && entry.waiting > 0 ? L.estimate(entry.estimateMin) : '');
      if (note) { item.appendChild(el('span', 'service-note', ' · ' + note)); }
      return item;
    }));
  }

  // Shrinks a panel's text step by step until its list fits (a large office has many services).
  function fit(panelId) {
    var panel = byId(panelId);
    var scale = 1;
    panel.style.setProperty('--fit', '1');
    while (panel.scrollHeight > panel.clientHeight + 1 && scale > 0.55) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      panel.style.setProperty('--fit', String(scale));
    }
  }

  function render() {
    if (!view.board) { return; }
    byId('office').textContent = view.board.office;
    renderCounters();
    renderCalls();
    renderServices();
    fit('calls-panel');
    fit('services-panel');
  }

  // ---- data --------------------------------------------------------------------------------------------------

  // The catalogue comes on the board's own stream, just before the board: no second request that could fail or
  // hang by itself across a reconnect and leave the board showing service codes instead of names.
  function showServices(catalogue) {
    if (!catalogue || !Array.isArray(catalogue.services)) { return; }
    view.services = catalogue;
    render();
  }

  // Only the response's Date header is wanted (see learnClock); a failure leaves the last offset in place.
  function refreshClock() {
    var abort = new AbortController();
    var timer = window.setTimeout(function () { abort.abort(); }, RECONNECT_MS);
    fetch('/health', { cache: 'no-store', signal: abort.signal })
      .then(learnClock)
      .catch(function (error) { console.warn('board: cannot read the hub clock', error); })
      .then(function () { window.clearTimeout(timer); });
  }

  function showBoard(board) {
    if (!board || typeof board.sequence !== 'number' || !Array.isArray(board.counters)) { return; }
    var known = view.board ? view.board.sequence : -1;
    // Within one connection events arrive in order, so a lower sequence is stale. The first board after a
    // (re)connect is always taken: a restarted hub may count from zero again.
    if (!view.acceptAnySequence && board.sequence < known) { return; }
    view.acceptAnySequence = false;
    var newest = board.recentCalls.length ? callKey(board.recentCalls[0]) : null;
    if (view.newestCallKey !== null && newest !== null && newest !== view.newestCallKey) {
      view.freshKey = newest;
      view.freshUntil = Date.now() + FRESH_MS;
      window.setTimeout(render, FRESH_MS + 50);
    }
    view.newestCallKey = newest;
    view.board = board;
    render();
  }

  function setConnected(connected) {
    byId('connection').hidden = connected;
    byId('link').className = connected ? 'link ok' : 'link lost';
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (error) {
      console.warn('board: ignoring an unreadable ' + event.type + ' event', error);
      return null;
    }
  }

  function connect() {
    var source = new EventSource('/api/board/stream');
    source.addEventListener('open', function () {
      view.acceptAnySequence = true;
      setConnected(true);
      refreshClock();
    });
    source.addEventListener('services', function (event) {
      var catalogue = parse(event);
      if (catalogue) { showServices(catalogue); }
    });
    source.addEventListener('board', function (event) {
      var board = parse(event);
      if (board) { showBoard(board); }
    });
    source.addEventListener('error', function () {
      setConnected(false);
      // EventSource retries by itself unless the server answered with an error; then we retry.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        window.setTimeout(connect, RECONNECT_MS);
      }
    });
  }

  function start() {
    applyLabels();
    tick();
    window.setInterval(tick, 1000);
    window.addEventListener('resize', function () { layoutCounters(); render(); });
    connect();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
