/** Starting points for the diagrams data-engineering design rounds keep asking for. */
export interface MermaidTemplate {
  id: string
  label: string
  source: string
}

export const mermaidTemplates: MermaidTemplate[] = [
  {
    id: 'batch-etl',
    label: 'Batch ETL',
    source: `flowchart LR
  src[(Source DB)] --> extract[Extract: nightly job]
  files[/CSV drops/] --> extract
  extract --> raw[(Raw zone)]
  raw --> transform[Transform: Spark / dbt]
  transform --> dw[(Warehouse)]
  dw --> bi[BI dashboards]
  orchestrator{{Airflow}} -.-> extract
  orchestrator -.-> transform`
  },
  {
    id: 'streaming-kafka',
    label: 'Streaming with Kafka',
    source: `flowchart LR
  apps[Apps / services] --> kafka[[Kafka topic]]
  kafka --> flink[Stream processor: Flink / Spark]
  flink --> sink[(Serving store)]
  flink --> lake[(Data lake)]
  flink -. late or bad events .-> dlq[[Dead-letter topic]]
  registry[Schema registry] -.-> kafka
  sink --> api[Real-time API]`
  },
  {
    id: 'lambda',
    label: 'Lambda architecture',
    source: `flowchart LR
  events[Events] --> kafka[[Kafka]]
  kafka --> speed[Speed layer: streaming]
  kafka --> batch[Batch layer: daily recompute]
  batch --> batchViews[(Batch views)]
  speed --> rtViews[(Real-time views)]
  batchViews --> serving[Serving layer: merge]
  rtViews --> serving
  serving --> users[Queries]`
  },
  {
    id: 'kappa',
    label: 'Kappa architecture',
    source: `flowchart LR
  events[Events] --> log[[Kafka: retained log]]
  log --> stream[Stream job v1]
  log -. replay from offset 0 .-> stream2[Stream job v2]
  stream --> table[(Serving table)]
  stream2 --> table2[(New serving table)]
  table --> users[Queries]
  table2 -. swap when caught up .-> users`
  },
  {
    id: 'cdc',
    label: 'Change data capture',
    source: `flowchart LR
  oltp[(OLTP database)] --> binlog[Write-ahead log / binlog]
  binlog --> debezium[Debezium connector]
  debezium --> kafka[[Kafka: one topic per table]]
  kafka --> merge[Merge job: upserts and deletes]
  merge --> lake[(Lakehouse table)]
  kafka --> cache[(Search index / cache)]`
  },
  {
    id: 'medallion',
    label: 'Medallion lakehouse',
    source: `flowchart LR
  sources[Sources: DBs, APIs, files] --> bronze[(Bronze: raw, append-only)]
  bronze --> silver[(Silver: cleaned, deduplicated, conformed)]
  silver --> gold[(Gold: business aggregates)]
  gold --> bi[BI and reports]
  silver --> ml[ML features]
  quality{{Data quality checks}} -.-> silver
  quality -.-> gold`
  }
]
