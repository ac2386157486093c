// The insights page: charts (Apache ECharts, bundled by the build) and tables of /admin/api/insights.
'use strict';

(() => {
  const { get, el, table, start } = window.admin;
  const routeNames = { answer: 'Answered', dialog: 'Guided flow', person: 'Asked for a person', fallback: 'Not understood', smalltalk: 'Small talk' };
  const routeColours = { answer: '#2f7d32', dialog: '#1565c0', person: '#8e24aa', fallback: '#c62828', smalltalk: '#9e9e9e' };

  function chart(id, option) {
    const node = document.getElementById(id);
    const instance = echarts.init(node, null, { renderer: 'canvas' });
    instance.setOption({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 48, right: 24, top: 40, bottom: 40 }, ...option });
    window.addEventListener('resize', () => instance.resize());
    node.dataset.drawn = 'true';
  }

  function totals(report) {
    const sum = key => report.days.reduce((s, d) => s + d[key], 0);
    const routed = route => report.days.reduce((s, d) => s + (d.routes[route] ?? 0), 0);
    const questions = sum('questions');
    const share = n => questions ? `${Math.round((100 * n) / questions)}%` : '–';
    const tiles = [
      ['Conversations', sum('conversations')],
      ['Questions', questions],
      ['Answered', share(routed('answer'))],
      ['Guided flows', share(routed('dialog'))],
      ['Not understood', share(routed('fallback'))],
      ['Hand-offs', report.handoffs.length],
    ];
    document.getElementById('totals').replaceChildren(...tiles.map(([name, value]) => el('div', { class: 'tile' }, el('strong', {}, value), el('span', {}, name))));
  }

  function traffic(report) {
    const days = report.days.map(d => d.day);
    chart('chart-traffic', {
      legend: { top: 0 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Conversations', type: 'line', smooth: true, data: report.days.map(d => d.conversations) },
        { name: 'Questions', type: 'line', smooth: true, data: report.days.map(d => d.questions) },
      ],
    });
    chart('chart-routes', {
      legend: { top: 0 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: Object.keys(routeNames).map(route => ({
        name: routeNames[route], type: 'bar', stack: 'routes', color: routeColours[route], data: report.days.map(d => d.routes[route] ?? 0),
      })),
    });
  }

  function nearest(target) {
    if (!target) return 'Nothing in the content is near: new content, or out of scope.';
    const score = `similarity ${target.score.toFixed(2)}`;
    if (target.kind === 'out-of-scope') return `Most like the out-of-scope examples (${score}): the fallback was right.`;
    return `Nearest ${target.kind}: ${target.title} (${target.id}, ${score})`;
  }

  function groupCard(group) {
    return el('article', { class: 'group' },
      el('header', {}, el('strong', {}, `${group.count} ×`), ' ', el('span', {}, group.examples[0])),
      el('ul', {}, group.examples.slice(1).map(e => el('li', {}, e))),
      el('p', { class: 'nearest' }, nearest(group.nearest)),
      group.suggestion ? el('div', { class: 'suggestion' },
        el('p', {}, 'Add to ', el('code', {}, group.suggestion.file), ' under ', el('code', {}, `${group.suggestion.under}:`)),
        el('pre', {}, group.suggestion.lines.join('\n'))) : '');
  }

  /** Groups with lines to add come first: they are what the team can act on; the rest are folded away. */
  function unanswered(report) {
    const node = document.getElementById('unanswered');
    if (!report.unanswered.length) { node.replaceChildren(el('p', { class: 'empty' }, 'Nothing went unanswered in this period.')); return; }
    const actionable = report.unanswered.filter(g => g.suggestion);
    const rest = report.unanswered.filter(g => !g.suggestion);
    node.replaceChildren(
      el('h3', {}, `Content to add (${actionable.length} groups)`),
      actionable.length ? el('div', { class: 'groups' }, actionable.slice(0, 30).map(groupCard)) : el('p', { class: 'empty' }, 'None.'),
      el('details', { class: 'rest' },
        el('summary', {}, `Out of scope or nothing near (${rest.length} groups, ${rest.reduce((s, g) => s + g.count, 0)} questions)`),
        el('div', { class: 'groups' }, rest.slice(0, 30).map(groupCard))));
  }

  function ratings(report) {
    const rated = report.unhelpful.slice(0, 12);
    chart('chart-ratings', {
      legend: { top: 0 },
      grid: { left: 220, right: 24, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      yAxis: { type: 'category', inverse: true, data: rated.map(r => r.heading), axisLabel: { width: 200, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'No', type: 'bar', stack: 'rating', color: '#c62828', data: rated.map(r => r.no) },
        { name: 'Yes', type: 'bar', stack: 'rating', color: '#2f7d32', data: rated.map(r => r.yes) },
      ],
    });
    table(document.getElementById('unhelpful'), ['Passage', 'Page', 'No', 'Yes'],
      report.unhelpful.map(r => [r.heading, `${r.page}#${r.section}`, r.no, r.yes]));
  }

  function funnels(report) {
    const node = document.getElementById('funnels');
    node.replaceChildren();
    for (const funnel of report.funnels) {
      const id = `funnel-${funnel.flow}`;
      const reached = funnel.steps.filter(s => s.reached > 0).sort((a, b) => b.reached - a.reached).slice(0, 6);
      node.append(el('article', { class: 'funnel' },
        el('h3', {}, `${funnel.title} `, el('small', {}, funnel.flow)),
        el('p', {}, `${funnel.started} started · ${funnel.completed} solved · ${funnel.handedOff} handed off · ${funnel.abandoned} abandoned`),
        el('div', { class: 'chart funnel-chart', id })));
      chart(id, {
        tooltip: { trigger: 'item' },
        grid: undefined,
        series: [{
          type: 'funnel', sort: 'none', left: 8, right: 8, top: 8, bottom: 8, minSize: '8%', label: { position: 'inside', formatter: '{b}: {c}' },
          data: [
            { name: 'Started', value: funnel.started },
            ...reached.map(s => ({ name: s.step, value: s.reached })),
            { name: 'Solved', value: funnel.completed, itemStyle: { color: '#2f7d32' } },
          ],
        }],
      });
    }
  }

  function handoffs(report) {
    const node = document.getElementById('handoffs');
    if (!report.handoffs.length) { node.replaceChildren(el('p', { class: 'empty' }, 'No hand-offs in this period.')); return; }
    node.replaceChildren(...report.handoffs.slice(0, 20).map(h => el('details', { class: 'handoff' },
      el('summary', {}, `${h.time.replace('T', ' ').slice(0, 16)} · ${h.flow} · ${h.reason}`),
      el('pre', {}, h.summary))));
  }

  start(async () => {
    const report = await get('insights');
    document.getElementById('period').from.placeholder = report.from;
    totals(report);
    traffic(report);
    unanswered(report);
    ratings(report);
    funnels(report);
    table(document.getElementById('top-questions'), ['Question', 'Asked', 'Went to', 'Page or flow'],
      report.topQuestions.map(q => [q.question, q.count, routeNames[q.route] ?? q.route, q.target ?? '']));
    handoffs(report);
  });
})();
