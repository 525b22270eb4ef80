// mtcheck review page. Plain JavaScript, no build step.
// Every piece of document text goes into the page as text (textContent, append of strings),
// never as HTML. The server answers each action with what changed; the page patches itself.
(() => {
  'use strict';

  const token = new URLSearchParams(location.search).get('token') || '';
  const DECISIONS = ['open', 'deferred', 'accepted', 'edited', 'dismissed'];
  const LABELS = {open: 'open', deferred: 'skipped', accepted: 'accepted', edited: 'edited', dismissed: 'dismissed'};
  const SEVERITIES = ['error', 'warning', 'info'];
  const $ = (id) => document.getElementById(id);

  const S = {
    version: -1,
    meta: null,
    items: new Map(), // fp -> item
    order: [], // fps in document order
    rowData: new Map(), // row id -> {id, s, t}
    rowEls: new Map(), // row id -> <tr>
    marks: new Map(), // fp -> [<mark>]
    lis: new Map(), // fp -> <li>
    current: null,
    mode: null, // null | 'edit' | 'dismiss'
    filters: {severity: new Set(SEVERITIES), rule: null, decision: new Set(DECISIONS.filter((d) => d !== 'dismissed'))},
    rules: [],
    chain: Promise.resolve(),
    pending: 0,
    busy: false,
    message: '',
  };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key === 'text') node.textContent = value;
      else node[key] = value;
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  // --- talking to the server ---------------------------------------------------------

  async function api(path, body) {
    const options = {headers: {'X-Mtcheck-Token': token}, cache: 'no-store'};
    if (body !== undefined) {
      options.method = 'POST';
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let data;
    try {
      data = await response.json();
    } catch (err) {
      data = {error: response.statusText || 'no answer'};
    }
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  function setStatus(state, text) {
    const status = $('status');
    status.dataset.state = state;
    status.textContent = text;
  }

  // Actions run one after another and the page shows "saved" only when the server has written
  // the review file. A decision moves on at once; an edit waits for its re-check (it renews the
  // fingerprints of the findings around it), and other actions wait with it.
  function act(path, body, after) {
    const edits = path !== '/api/decide';
    if (blocked()) return;
    S.busy = edits;
    S.pending += 1;
    setStatus('saving', edits ? 'checking and saving…' : 'saving…');
    S.chain = S.chain.then(async () => {
      try {
        const delta = await api(path, body);
        await applyDelta(delta);
        S.message = '';
        S.pending -= 1;
        if (S.pending === 0) setStatus('saved', 'saved ' + new Date().toLocaleTimeString());
        if (after) after(delta);
      } catch (err) {
        S.pending -= 1;
        S.message = err.message;
        setStatus('error', 'not saved: ' + err.message);
      }
      S.busy = false;
      renderDetails();
    });
  }

  function blocked() {
    if (!S.busy) return false;
    S.message = 'wait: the last edit is being checked';
    renderDetails();
    return true;
  }

  async function load() {
    const data = await api('/api/state');
    applyFull(data);
    document.body.dataset.ready = '1';
  }

  // --- whole state and patches ------------------------------------------------------

  function applyFull(data) {
    S.version = data.version;
    document.body.dataset.version = S.version;
    S.meta = data.meta;
    $('pair').textContent = data.meta.source === data.meta.target
      ? data.meta.target : data.meta.source + ' → ' + data.meta.target;
    $('source-head').textContent = 'source (' + data.meta.sourceLang + ')';
    $('target-head').textContent = 'translation (' + data.meta.targetLang + ')';
    const notices = data.meta.notices.map((n) => el('li', {text: n}));
    if (!data.meta.editable) notices.push(el('li', {text: 'Editing is off: ' + data.meta.notEditable}));
    notices.push(el('li', {text: 'Decisions are saved to ' + data.meta.reviewFile + ' as you make them.'}));
    $('notices').replaceChildren(...notices);
    S.items = new Map(data.items.map((item) => [item.fp, item]));
    S.order = data.items.map((item) => item.fp);
    S.rowData = new Map();
    S.rowEls = new Map();
    const rows = data.rows.map(buildRow);
    $('rows').replaceChildren(...rows);
    indexMarks();
    renderQueue();
    updateStatus(data.status);
    if (!S.items.has(S.current)) S.current = null;
    applyFilters();
    select(S.current || firstVisible(), true);
  }

  async function applyDelta(delta) {
    if (delta.base !== S.version) {
      // Another tab acted, or an answer was lost: start again from the whole state.
      applyFull(await api('/api/state'));
      return;
    }
    S.version = delta.version;
    document.body.dataset.version = S.version;
    const oldIndex = S.order.indexOf(S.current);
    if (delta.rows) patchRows(delta.rows);
    for (const fp of delta.items.remove) S.items.delete(fp);
    for (const item of delta.items.upsert) S.items.set(item.fp, item);
    if (delta.items.order) S.order = delta.items.order;
    if (delta.rows) indexMarks();
    if (delta.items.order || delta.items.remove.length) renderQueue();
    else for (const item of delta.items.upsert) replaceLi(item);
    updateStatus(delta.status);
    if (!S.items.has(S.current)) {
      // The current finding changed its fingerprint (its sentence was edited): stay in place.
      S.current = S.order[Math.min(Math.max(oldIndex, 0), S.order.length - 1)] || null;
    }
    applyFilters();
    select(S.current, false);
  }

  function patchRows(patch) {
    for (const id of patch.remove) {
      const tr = S.rowEls.get(id);
      if (tr) tr.remove();
      S.rowEls.delete(id);
      S.rowData.delete(id);
    }
    const block = document.createDocumentFragment();
    for (const row of patch.insert) block.append(buildRow(row));
    const anchor = patch.after === null ? null : S.rowEls.get(patch.after);
    if (anchor) anchor.after(block);
    else $('rows').prepend(block);
    for (const row of patch.update) {
      const old = S.rowEls.get(row.id);
      const tr = buildRow(row);
      if (old) old.replaceWith(tr);
    }
  }

  function buildRow(row) {
    S.rowData.set(row.id, row);
    const tr = el('tr', {dataset: {row: row.id}},
      buildCell(row.s, 'source', S.meta.sourceLang), buildCell(row.t, 'target', S.meta.targetLang));
    S.rowEls.set(row.id, tr);
    return tr;
  }

  function buildCell(pieces, side, lang) {
    const td = el('td', {className: side, lang});
    if (pieces === null) {
      td.classList.add('empty');
      td.textContent = '(nothing)';
      return td;
    }
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        td.append(piece);
      } else {
        const mark = el('mark', {className: 'hl', text: piece[0]});
        mark.dataset.f = piece[1].join(' ');
        td.append(mark);
      }
    }
    return td;
  }

  function rowText(id, side) {
    const row = S.rowData.get(id);
    const pieces = row && row[side];
    if (!pieces) return '';
    return pieces.map((p) => (typeof p === 'string' ? p : p[0])).join('');
  }

  function indexMarks() {
    S.marks = new Map();
    for (const mark of document.querySelectorAll('#rows mark.hl')) {
      for (const fp of mark.dataset.f.split(' ')) {
        if (!S.marks.has(fp)) S.marks.set(fp, []);
        S.marks.get(fp).push(mark);
      }
    }
  }

  // --- queue, filters, counts ---------------------------------------------------------

  const decisionOf = (item) => item.decision || 'open';

  function queueLi(item) {
    const what = item.target !== null ? item.target : item.source;
    const li = el('li', {dataset: {fp: item.fp}},
      el('span', {className: 'rule', text: item.rule}),
      el('span', {className: 'sev ' + item.severity, text: item.severity}), ' ',
      el('span', {className: 'what', text: what === null ? item.name : what}),
      item.choices.length ? el('span', {text: ' → ' + item.choices[0]}) : null,
      item.decision ? el('span', {className: 'badge ' + item.decision, text: LABELS[item.decision]}) : null);
    li.classList.toggle('decided', Boolean(item.decision) && item.decision !== 'deferred');
    li.addEventListener('click', () => select(item.fp, true));
    S.lis.set(item.fp, li);
    return li;
  }

  function renderQueue() {
    S.lis = new Map();
    $('queue').replaceChildren(...S.order.map((fp) => queueLi(S.items.get(fp))));
    renderFilters();
  }

  function replaceLi(item) {
    const old = S.lis.get(item.fp);
    const li = queueLi(item);
    if (old) old.replaceWith(li);
  }

  function renderFilters() {
    const rules = [...new Set([...S.items.values()].map((i) => i.rule))].sort();
    if (S.filters.rule === null) S.filters.rule = new Set(rules);
    for (const rule of rules) if (!S.rules.includes(rule)) S.filters.rule.add(rule); // a rule new after an edit shows
    S.rules = rules;
    const group = (kind, values, labels) => el('fieldset', {},
      el('legend', {text: kind}),
      ...values.map((value) => {
        const box = el('input', {type: 'checkbox', checked: S.filters[kind].has(value)});
        box.dataset.kind = kind;
        box.value = value;
        box.addEventListener('change', () => {
          if (box.checked) S.filters[kind].add(value);
          else S.filters[kind].delete(value);
          applyFilters();
          if (!visible(S.items.get(S.current))) select(nextVisible(S.current, 1) || nextVisible(S.current, -1), true);
        });
        return el('label', {}, box, ' ' + (labels ? labels[value] : value));
      }));
    $('filters').replaceChildren(
      group('severity', SEVERITIES.filter((s) => [...S.items.values()].some((i) => i.severity === s))),
      group('rule', rules),
      group('decision', DECISIONS, LABELS));
  }

  function visible(item) {
    return Boolean(item) && S.filters.severity.has(item.severity) && S.filters.rule.has(item.rule)
      && S.filters.decision.has(decisionOf(item));
  }

  function applyFilters() {
    let shown = 0;
    const counts = {open: 0, deferred: 0, accepted: 0, edited: 0, dismissed: 0};
    for (const fp of S.order) {
      const item = S.items.get(fp);
      counts[decisionOf(item)] += 1;
      const on = visible(item);
      if (on) shown += 1;
      const li = S.lis.get(fp);
      if (li) li.hidden = !on;
    }
    for (const [, marks] of S.marks) for (const mark of marks) styleMark(mark);
    $('shown').textContent = '(' + shown + ' of ' + S.order.length + ' shown)';
    const left = counts.open + counts.deferred;
    $('counts').textContent = left + ' left (' + counts.deferred + ' skipped) · ' + counts.accepted + ' accepted · '
      + counts.edited + ' edited · ' + counts.dismissed + ' dismissed';
    $('counts').dataset.left = left;
  }

  function styleMark(mark) {
    const items = mark.dataset.f.split(' ').map((fp) => S.items.get(fp)).filter(Boolean);
    const shown = items.filter(visible);
    const open = shown.filter((i) => !i.decision || i.decision === 'deferred');
    mark.className = 'hl';
    if (!shown.length) mark.classList.add('off');
    else if (open.length) {
      const worst = SEVERITIES.find((s) => open.some((i) => i.severity === s));
      mark.classList.add('sev-' + worst);
    } else if (shown.some((i) => i.decision === 'accepted' || i.decision === 'edited')) mark.classList.add('fixed');
    else mark.classList.add('dismissed');
    if (items.some((i) => i.fp === S.current)) mark.classList.add('active');
  }

  function updateStatus(status) {
    const save = $('save');
    save.disabled = !S.meta.editable || status.edits === 0;
    save.textContent = status.edits ? 'Save draft (' + status.edits + ' edit' + (status.edits > 1 ? 's' : '') + ')'
      : 'Save draft';
    S.undo = status.undo;
  }

  // --- moving through the queue -------------------------------------------------------

  function firstVisible() {
    const open = S.order.find((fp) => visible(S.items.get(fp)) && !S.items.get(fp).decision);
    return open || S.order.find((fp) => visible(S.items.get(fp))) || null;
  }

  function nextVisible(from, step) {
    let i = S.order.indexOf(from);
    if (i < 0) i = step > 0 ? -1 : S.order.length;
    for (i += step; i >= 0 && i < S.order.length; i += step) {
      if (visible(S.items.get(S.order[i]))) return S.order[i];
    }
    return null;
  }

  function nextOpen(from) {
    let i = S.order.indexOf(from);
    for (i += 1; i < S.order.length; i += 1) {
      const item = S.items.get(S.order[i]);
      if (visible(item) && !item.decision) return S.order[i];
    }
    return nextVisible(from, 1);
  }

  function select(fp, scroll) {
    const previous = S.current;
    S.current = fp || null;
    if (previous && previous !== S.current) {
      const li = S.lis.get(previous);
      if (li) li.classList.remove('current');
      for (const mark of S.marks.get(previous) || []) styleMark(mark);
      const item = S.items.get(previous);
      const tr = item && S.rowEls.get(item.row);
      if (tr) tr.classList.remove('active');
      S.mode = null;
      S.message = '';
    }
    document.body.dataset.current = S.current || '';
    const item = S.items.get(S.current);
    if (item) {
      const li = S.lis.get(item.fp);
      if (li) li.classList.add('current');
      const marks = S.marks.get(item.fp) || [];
      for (const mark of marks) styleMark(mark);
      const tr = S.rowEls.get(item.row);
      if (tr) tr.classList.add('active');
      if (scroll) {
        const target = marks[0] || tr;
        if (target) target.scrollIntoView({block: 'nearest'});
        if (li) li.scrollIntoView({block: 'nearest'});
      }
    }
    renderDetails();
  }

  function move(step) {
    const next = nextVisible(S.current, step);
    if (next) select(next, true);
  }

  // --- the current finding ------------------------------------------------------------

  function fact(dl, label, value, className) {
    if (value === null || value === undefined || value === '') return;
    dl.append(el('dt', {text: label}), el('dd', {}, className ? el('q', {className, text: value}) : value));
  }

  function show(value) {
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ');
    return JSON.stringify(value);
  }

  function button(label, handler, enabled, title) {
    const b = el('button', {type: 'button', text: label, disabled: !enabled});
    if (title) b.title = title;
    b.addEventListener('click', handler);
    return b;
  }

  function renderDetails() {
    const box = $('details');
    const item = S.items.get(S.current);
    if (!item) {
      box.replaceChildren(el('p', {className: 'hint',
        text: S.order.length ? 'No finding matches the filters.' : 'No findings: nothing to review.'}));
      return;
    }
    const decision = decisionOf(item);
    const head = el('div', {className: 'head'},
      el('span', {className: 'rule', text: item.rule + ' ' + item.name}),
      el('span', {className: 'sev ' + item.severity, text: item.severity}),
      el('span', {className: 'conf', text: 'confidence ' + item.confidence.toFixed(2)}),
      el('span', {className: 'badge ' + decision, text: LABELS[decision] + (item.gone ? ' (fixed in the draft)' : '')}));
    const facts = el('dl', {className: 'facts'});
    fact(facts, 'source', item.source, 'src');
    fact(facts, 'translation', item.target, 'tgt');
    fact(facts, 'suggestion', item.suggestion, 'suggestion');
    fact(facts, 'back-translation', item.back, 'back');
    for (const [key, value] of Object.entries(item.evidence)) {
      fact(facts, key.replace(/_/g, ' '), show(value));
    }
    fact(facts, 'now reads', item.replacement, 'replacement');
    fact(facts, 'reason', item.reason, 'reason');
    const actions = el('div', {className: 'actions'});
    item.choices.forEach((choice, i) => {
      actions.append(button('Accept “' + choice + '”' + (i === 0 ? ' (a)' : ''), () => accept(i),
        item.canAccept && !item.gone, 'Put the suggestion into the draft'));
    });
    if (!item.choices.length) actions.append(button('Accept (a)', () => accept(0), false, 'No suggestion to accept'));
    actions.append(
      button('Edit (e)', startEdit, item.canEdit, S.meta.editable ? 'Rewrite the English sentence' : S.meta.notEditable),
      button('Dismiss (d)', startDismiss, !item.gone, 'A false alarm: later runs will not report it'),
      button('Skip (s)', skip, !item.gone, 'Leave it for later'),
      button('Reopen (o)', reopen, Boolean(item.decision) && !item.gone, 'Forget the decision'),
      button('Undo (u)', undo, S.undo > 0, 'Undo the last action'),
      button('◀ Previous (k)', () => move(-1), true),
      button('Next (j) ▶', () => move(1), true));
    const parts = [el('div', {className: 'finding sev-' + item.severity},
      head, el('p', {className: 'msg', text: item.message}), facts, actions)];
    // An open form survives re-rendering (an answer arriving while the editor types).
    const open = box.querySelector('form.inline');
    const keep = S.mode && open && open.dataset.fp === item.fp && open.dataset.mode === S.mode ? open : null;
    let form = keep;
    if (!form && S.mode === 'edit') form = editForm(item);
    if (!form && S.mode === 'dismiss') form = dismissForm(item);
    if (form) {
      form.dataset.fp = item.fp;
      form.dataset.mode = S.mode;
      parts.push(form);
    }
    if (S.message) parts.push(el('p', {className: 'message', text: S.message}));
    box.replaceChildren(...parts);
    if (form && !keep) form.querySelector('textarea, input[type=text]').focus();
  }

  function editForm(item) {
    const original = rowText(item.editRow, 't');
    const area = el('textarea', {name: 'text', value: original, spellcheck: true});
    area.setAttribute('aria-label', 'English sentence');
    const form = el('form', {className: 'inline', id: 'editor'},
      el('p', {className: 'hint', text: item.target === null
        ? 'The source text has no translation: add it to this sentence (or the next one).'
        : 'Edit the English sentence. Enter saves, Shift+Enter is a space, Esc cancels.'}),
      area,
      el('div', {className: 'actions'}, el('button', {type: 'submit', text: 'Save edit'}),
        button('Cancel', cancelMode, true)));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      S.mode = null;
      act('/api/edit', {fp: item.fp, text: area.value, expected: original}, () => moveOn(item.fp));
    });
    area.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        form.requestSubmit();
      } else if (e.key === 'Escape') cancelMode();
    });
    return form;
  }

  function dismissForm(item) {
    const input = el('input', {type: 'text', name: 'reason', placeholder: 'reason (optional)'});
    input.setAttribute('aria-label', 'reason');
    const form = el('form', {className: 'inline', id: 'dismiss'},
      el('p', {className: 'hint', text: 'Dismiss as a false alarm. Enter confirms, Esc cancels.'}),
      input,
      el('div', {className: 'actions'}, el('button', {type: 'submit', text: 'Dismiss'}),
        button('Cancel', cancelMode, true)));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (S.current === item.fp) decide('dismissed', input.value);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') cancelMode();
    });
    return form;
  }

  function cancelMode() {
    S.mode = null;
    renderDetails();
  }

  // After an action the next open finding comes up at once; the answer patches the page later.
  function moveOn(fp) {
    const next = nextOpen(fp);
    if (next && next !== fp) select(next, true);
    else renderDetails();
  }

  function accept(choice) {
    const item = S.items.get(S.current);
    if (!item || !item.canAccept || item.gone || choice >= item.choices.length) return;
    act('/api/accept', {fp: item.fp, choice}, () => moveOn(item.fp));
  }

  function startEdit() {
    const item = S.items.get(S.current);
    if (!item || !item.canEdit || blocked()) return;
    S.mode = 'edit';
    S.message = '';
    renderDetails();
  }

  function startDismiss() {
    const item = S.items.get(S.current);
    if (!item || item.gone) return;
    S.mode = 'dismiss';
    S.message = '';
    renderDetails();
  }

  function decide(decision, reason) {
    const item = S.items.get(S.current);
    if (!item || item.gone) return;
    S.mode = null;
    if (blocked()) return;
    act('/api/decide', {fp: item.fp, decision, reason: reason || ''});
    if (decision === 'open') renderDetails();
    else moveOn(item.fp);
  }

  const skip = () => decide('deferred');
  const reopen = () => decide('open');

  function undo() {
    if (!S.undo && !S.pending) {
      S.message = 'nothing to undo';
      renderDetails();
      return;
    }
    act('/api/undo', {}, () => {
      if (!S.items.has(S.current)) select(firstVisible(), true);
    });
  }

  function saveDraft() {
    if ($('save').disabled) return;
    act('/api/save', {}, (delta) => {
      S.message = '';
      setStatus('saved', delta.message);
    });
  }

  // --- keyboard -----------------------------------------------------------------------

  document.addEventListener('keydown', (e) => {
    if (e.target.closest && e.target.closest('textarea, input[type=text]')) return; // the forms handle their keys
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      saveDraft();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const keys = {
      j: () => move(1), k: () => move(-1), a: () => accept(0), e: startEdit, d: startDismiss,
      s: skip, u: undo, o: reopen, Escape: cancelMode,
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  });

  document.addEventListener('click', (e) => {
    const mark = e.target.closest && e.target.closest('mark.hl');
    if (!mark || mark.classList.contains('off')) return;
    const fps = mark.dataset.f.split(' ').filter((fp) => visible(S.items.get(fp)));
    if (fps.length) select(fps.includes(S.current) ? fps[(fps.indexOf(S.current) + 1) % fps.length] : fps[0], false);
  });

  $('save').addEventListener('click', saveDraft);

  load().catch((err) => {
    setStatus('error', err.message);
    $('details').replaceChildren(el('p', {className: 'message', text: 'Cannot load the review: ' + err.message}));
  });
})();
