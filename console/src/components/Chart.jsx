// A chart (Apache ECharts, bundled: only the bar chart and the components used here are imported,
// so the console stays small and needs no CDN). ECharts' aria option describes the chart and its
// data in Chinese on the container, for screen readers (and for the browser tests).
import { useEffect, useRef } from 'react'
import { BarChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer])

/** `option` is ECharts' own; `title` names the chart for screen readers. */
export default function Chart({ title, option, height = 320 }) {
  const element = useRef(null)
  const chart = useRef(null)
  useEffect(() => {
    chart.current = echarts.init(element.current, null, { locale: 'ZH' })
    const resize = new ResizeObserver(() => chart.current?.resize()) // follows its card, not only the window
    resize.observe(element.current)
    return () => {
      resize.disconnect()
      chart.current.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current.setOption({ aria: { enabled: true, label: { data: { maxCount: 50 } } }, title: { text: title, show: false },
      animation: false, ...option }, true)
  }, [title, option])
  return <div ref={element} className="console-chart" style={{ height, width: '100%' }} />
}
