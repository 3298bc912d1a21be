// The dashboard's charts as ECharts options, from what the API answers.

/** Applications by district (x) and stage (stacked series), from applicationCounts. */
export function byStageAndDistrict(counts) {
  const districts = [...new Set(counts.map((c) => c.divisionName))]
  const stages = [...new Set(counts.map((c) => c.stage.title))]
  const count = (stage, district) => counts.filter((c) => c.stage.title === stage && c.divisionName === district)
    .reduce((sum, c) => sum + c.count, 0)
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 40, right: 16, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: districts },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    series: stages.map((stage) => ({ name: stage, type: 'bar', stack: 'stage', data: districts.map((d) => count(stage, d)) })),
  }
}

/** Places used and left under each quota key: the two bars together are the cap. */
export function quotaUse(usages) {
  const keys = usages.map((u) => u.description)
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 200, right: 24, top: 40, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, name: '家' },
    yAxis: { type: 'category', data: keys, inverse: true },
    series: [
      { name: '已用名额', type: 'bar', stack: 'cap', data: usages.map((u) => u.used), itemStyle: { color: '#1458b8' } },
      { name: '剩余名额', type: 'bar', stack: 'cap', data: usages.map((u) => u.remaining), itemStyle: { color: '#b7cbe8' } },
    ],
  }
}
