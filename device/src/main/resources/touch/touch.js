'use strict';
// The kiosk's touch page: one button per service, a priority choice for the next press, and what happened after it.
// Everything from the server is written with textContent, never as markup.
(() => {
  const REFRESH_MS = 5000;      // queue figures and open/closed follow the hub's catalogue
  const PRIORITY_MS = 30000;    // a priority choice not used by then is dropped: it must not pass to the next citizen
  const RESULT_MS = 8000;       // how long the number (or the error) stays on screen
  const RELOAD_MS = 3000;       // after the kiosk restarted, fetch the page again for its new token

  const token = document.querySelector('meta[name="motcua-token"]').content;
  const $ = id => document.getElementById(id);

  // What the citizen reads when no ticket comes out, by the server's error code: Vietnamese, then English.
  const FAILURES = {
    SERVICE_CLOSED: ['Dịch vụ này đang tạm ngừng tiếp nhận', 'This service is not taking tickets now'],
    NO_OFFLINE_NUMBERS: ['Mất kết nối với máy chủ và đã hết số dự phòng. Vui lòng báo cán bộ',
      'No connection and no spare numbers left. Please ask an officer'],
    PRINT_FAILED: ['Không in được vé, vui lòng báo cán bộ', 'The ticket could not be printed. Please ask an officer'],
    NO_ANSWER: ['Không in được vé, vui lòng báo cán bộ', 'The ticket could not be printed. Please ask an officer'],
    REFUSED: ['Không lấy được số, vui lòng báo cán bộ', 'No number could be issued. Please ask an officer'],
    UNREACHABLE: ['Máy lấy số đang khởi động lại, vui lòng chờ giây lát',
      'The kiosk is restarting, please wait a moment']
  };
  const FALLBACK = ['Không lấy được số, vui lòng báo cán bộ', 'No number could be issued. Please ask an officer'];

  let priority = null;        // {code, nameVi, nameEn} chosen for the next press
  let priorityTimer = 0;
  let overlayTimer = 0;
  let busy = false;
  let reloading = false;
  const buttons = new Map();  // service code → its button, kept across refreshes so a tap is never lost

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function call(method, path, body) {
    const headers = { 'X-Motcua-Token': token };
    if (body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method, headers, body: body ? JSON.stringify(body) : undefined, cache: 'no-store', credentials: 'same-origin'
    });
    const data = await response.json().catch(() => ({}));
    if (response.status === 403 && data.error === 'BAD_TOKEN' && !reloading) {
      reloading = true; // the kiosk restarted and has a new token
      setTimeout(() => location.reload(), RELOAD_MS);
    }
    return { ok: response.ok, data };
  }

  function queueLine(service) {
    if (!service.open) return ['Tạm ngừng tiếp nhận', 'Not taking tickets now'];
    if (service.waiting === undefined) return ['', ''];
    let vi = service.waiting + ' người đang chờ';
    let en = service.waiting + ' waiting';
    if (service.mayNotBeServedToday) {
      // Said before the ticket is taken, in place of a time the office cannot keep today.
      vi += ' · có thể không được phục vụ trong hôm nay';
      en += ' · you may not be served today';
    } else if (service.estimateMin !== undefined) {
      vi += ' · khoảng ' + service.estimateMin + ' phút';
      en += ' · about ' + service.estimateMin + ' min';
    }
    return [vi, en];
  }

  function serviceButton(code) {
    const item = el('li', 'service-item');
    const button = el('button', 'service');
    button.type = 'button';
    button.dataset.code = code;
    button.append(el('span', 'name-vi'), el('span', 'name-en'), el('span', 'queue'), el('span', 'queue-en'));
    button.addEventListener('click', () => press(code));
    item.append(button);
    return item;
  }

  function renderServices(services) {
    const list = $('services');
    const codes = services.map(s => s.code);
    if (codes.join() !== [...buttons.keys()].join()) {
      list.replaceChildren();
      buttons.clear();
      for (const code of codes) {
        const item = serviceButton(code);
        buttons.set(code, item.firstChild);
        list.append(item);
      }
      list.style.setProperty('--cols', String(codes.length <= 2 ? Math.max(codes.length, 1)
        : codes.length <= 4 ? 2 : 3));
    }
    for (const service of services) {
      const button = buttons.get(service.code);
      const [vi, en] = queueLine(service);
      button.querySelector('.name-vi').textContent = service.nameVi;
      button.querySelector('.name-en').textContent = service.nameEn || '';
      button.querySelector('.queue').textContent = vi;
      button.querySelector('.queue-en').textContent = en;
      button.disabled = !service.open;
      button.classList.toggle('closed', !service.open);
      button.classList.toggle('late', service.open && service.mayNotBeServedToday === true);
    }
  }

  function renderPriorities(priorities) {
    const box = $('priority-choices');
    if (box.childElementCount === priorities.length) return;
    box.replaceChildren();
    for (const choice of priorities) {
      const button = el('button', 'choice');
      button.type = 'button';
      button.dataset.code = choice.code;
      button.setAttribute('aria-pressed', 'false');
      button.append(el('span', 'choice-vi', choice.nameVi), el('span', 'choice-en', choice.nameEn));
      button.addEventListener('click', () => choosePriority(priority && priority.code === choice.code ? null : choice));
      box.append(button);
    }
    $('priority').hidden = priorities.length === 0;
  }

  function choosePriority(choice) {
    priority = choice;
    clearTimeout(priorityTimer);
    if (choice) priorityTimer = setTimeout(() => choosePriority(null), PRIORITY_MS);
    for (const button of $('priority-choices').children) {
      button.setAttribute('aria-pressed', String(choice !== null && button.dataset.code === choice.code));
    }
    const hint = $('priority-hint');
    hint.replaceChildren();
    if (choice) {
      hint.append('Vé tiếp theo được ưu tiên: ' + choice.nameVi + ' ', el('span', 'en', 'Next ticket: priority'));
    } else {
      hint.append('Chọn trước khi chạm vào dịch vụ ', el('span', 'en', 'Choose before the service'));
    }
  }

  // What the banner says: nothing while the hub is reachable; otherwise why the screen may not be current.
  const NOTICES = {
    hubAway: ['Đang mất kết nối với máy chủ — vé vẫn được in, nhưng chưa có số người chờ',
      'Offline: tickets still print, without waiting times'],
    kioskAway: FAILURES.UNREACHABLE
  };

  function showNotice(kind) {
    const notice = $('notice');
    notice.hidden = !kind;
    if (kind) notice.replaceChildren(NOTICES[kind][0] + ' ', el('span', 'en', NOTICES[kind][1]));
  }

  async function refresh() {
    try {
      const { ok, data } = await call('GET', '/api/services');
      if (!ok) return;
      $('office').textContent = data.office || '';
      renderServices(data.services);
      renderPriorities(data.priorities);
      showNotice(data.online ? null : 'hubAway');
    } catch (e) {
      showNotice('kioskAway'); // the kiosk's own server did not answer: it is restarting
    }
  }

  function overlay(kind, lines) {
    clearTimeout(overlayTimer);
    const box = $('overlay');
    box.className = 'overlay ' + kind;
    for (const [id, text] of Object.entries(lines)) $(id).textContent = text || '';
    box.hidden = false;
    if (kind !== 'working') overlayTimer = setTimeout(closeOverlay, RESULT_MS);
  }

  function closeOverlay() {
    clearTimeout(overlayTimer);
    $('overlay').hidden = true;
  }

  function showTicket(t) {
    const details = [t.nameVi];
    if (t.offline) {
      details.push('Vé in khi mất kết nối — chưa có số người chờ');
    } else {
      details.push('Trước bạn: ' + t.ahead + ' người');
      if (t.mayNotBeServedToday) details.push('Có thể không được phục vụ trong hôm nay');
      else if (t.estimateMin !== undefined) details.push('Dự kiến chờ: ' + t.estimateMin + ' phút');
    }
    if (t.priority) details.push('Ưu tiên: ' + (t.priorityVi || t.priority));
    overlay(t.offline ? 'done offline' : 'done', {
      'overlay-title': 'Số của bạn:',
      'overlay-number': t.ticket,
      'overlay-hint': 'Vui lòng nhận vé',
      'overlay-detail': details.join(' · '),
      'overlay-en': 'Your number ' + t.ticket + ' — please take your ticket' + (t.offline ? ' (printed offline)' : '')
    });
  }

  function showFailure(code) {
    const [vi, en] = FAILURES[code] || FALLBACK;
    overlay('failed', { 'overlay-title': vi, 'overlay-number': '', 'overlay-hint': '', 'overlay-detail': '',
      'overlay-en': en });
  }

  async function press(code) {
    if (busy) return;
    busy = true;
    const body = { service: code };
    if (priority) body.priority = priority.code;
    choosePriority(null); // for this press only
    overlay('working', { 'overlay-title': 'Đang in vé…', 'overlay-number': '', 'overlay-hint': '',
      'overlay-detail': '', 'overlay-en': 'Printing your ticket…' });
    try {
      const { ok, data } = await call('POST', '/api/tickets', body);
      if (ok) showTicket(data); else showFailure(data.error);
    } catch (e) {
      showFailure('UNREACHABLE');
    } finally {
      busy = false;
      refresh();
    }
  }

  $('overlay').addEventListener('click', () => { if (!busy) closeOverlay(); });
  refresh();
  setInterval(refresh, REFRESH_MS);
})();
