// Renders a schema as a fillable spec sheet and validates it through the API.
const $ = (s) => document.querySelector(s);
let current = null;

async function loadTypes() {
  const res = await fetch('/product-types');
  const types = await res.json();
  const select = $('#product-type');
  for (const t of types) {
    const o = document.createElement('option');
    o.value = t.displayName; o.textContent = t.displayName; o.dataset.key = t.key;
    select.appendChild(o);
  }
}

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

function render(schema) {
  const groups = $('#groups');
  groups.replaceChildren();
  for (const g of schema.groups) {
    const fs = el('fieldset', {}, el('legend', { textContent: g.displayName }));
    for (const f of g.fields) {
      const id = 'f-' + f.key;
      const label = el('label', { htmlFor: id, textContent: f.displayName, title: f.description });
      if (f.requirement === 'Mandatory') label.className = 'mandatory';
      let input;
      if (f.dataType === 'Enum' && f.allowedValues?.length) {
        input = el('select', { id, name: f.key }, el('option', { value: '', textContent: '—' }));
        for (const v of f.allowedValues) input.append(el('option', { value: v, textContent: v }));
      } else if (f.dataType === 'Boolean') {
        input = el('select', { id, name: f.key }, el('option', { value: '', textContent: '—' }), el('option', { value: 'yes', textContent: 'yes' }), el('option', { value: 'no', textContent: 'no' }));
      } else {
        const hint = f.typicalRange ? `${f.typicalRange.min ?? ''}..${f.typicalRange.max ?? ''}` : '';
        input = el('input', { id, name: f.key, type: 'text', placeholder: hint });
      }
      const row = el('div', { className: 'field' }, label, input, el('span', { className: 'unit', textContent: f.unit ?? '' }));
      for (const v of f.values ?? []) {
        const cite = (v.citations ?? []).map(c => c.clause ? `${c.source} ${c.clause}` : c.source).join('; ');
        const what = v.allowedValues?.length ? v.allowedValues.join(', ') : v.range ? `${v.range.min ?? ''}..${v.range.max ?? ''} ${v.range.unit ?? ''}` : (v.text ?? v.formula ?? `${v.number ?? ''} ${v.unit ?? ''}`);
        row.append(el('span', { className: 'cited', textContent: `${v.label ? v.label + ': ' : ''}${what} [${cite}]` }));
      }
      fs.append(row);
    }
    groups.append(fs);
  }
  $('#sheet').hidden = false;
}

async function load(ev) {
  ev.preventDefault();
  const type = $('#product-type').value;
  $('#status').textContent = 'Loading…';
  const res = await fetch('/schemas/' + encodeURIComponent(type) + '?session=page');
  const body = await res.json();
  if (!res.ok) { $('#status').textContent = body.detail ?? 'Failed'; return; }
  current = type;
  $('#status').textContent = `${body.schema.displayName}: ${body.source}, ${body.fields.total} fields (${body.fields.mandatory} mandatory, ${body.fields.populated} with cited values)`;
  $('#result').replaceChildren();
  render(body.schema);
}

async function validate(ev) {
  ev.preventDefault();
  const requirements = {};
  for (const input of document.querySelectorAll('#groups [name]')) {
    if (input.value.trim() !== '') requirements[input.name] = input.value.trim();
  }
  const res = await fetch('/schemas/' + encodeURIComponent(current) + '/validate', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ requirements }),
  });
  const report = await res.json();
  const out = $('#result');
  out.replaceChildren();
  if (!res.ok) { out.append(el('p', { className: 'not-valid', textContent: report.detail ?? 'Validation failed' })); return; }
  out.append(el('p', { className: report.isValid ? 'valid' : 'not-valid', textContent: report.isValid ? 'All requirements are valid.' : 'Some requirements need attention.' }));
  const list = el('ul');
  for (const m of report.messages ?? []) list.append(el('li', { className: m.kind, textContent: m.text }));
  out.append(list);
}

$('#pick').addEventListener('submit', load);
$('#sheet').addEventListener('submit', validate);
loadTypes();
