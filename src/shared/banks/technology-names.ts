/**
 * Technology names worth prompting the transcriber with and checking for in an answer. The
 * list is what data-engineering banks mention; a name is reported in the spelling given here.
 */
const technologyNames = [
  'Airflow', 'Apache Beam', 'Athena', 'Avro', 'AWS', 'Azure', 'BigQuery', 'Cassandra',
  'CDC', 'ClickHouse', 'CloudWatch', 'Dagster', 'Databricks', 'Datadog', 'dbt', 'Debezium',
  'Delta Lake', 'Docker', 'Druid', 'DynamoDB', 'Elasticsearch', 'ElastiCache', 'EMR',
  'Feast', 'Flink', 'GCP', 'Git', 'GitHub Actions', 'Glue', 'Grafana', 'GraphQL',
  'Great Expectations', 'gRPC', 'Hadoop', 'HBase', 'HDFS', 'Hive', 'Hudi', 'Iceberg',
  'Jenkins', 'Kafka', 'Kafka Streams', 'Kinesis', 'Kubernetes', 'Lambda', 'Looker', 'Luigi',
  'MapReduce', 'MongoDB', 'MSK', 'MWAA', 'MySQL', 'Neo4j', 'Node.js', 'ORC', 'Oracle',
  'Pandas', 'Parquet', 'Pinot', 'PostgreSQL', 'Prefect', 'Presto', 'Prometheus', 'Pub/Sub',
  'PySpark', 'Python', 'QuickSight', 'RabbitMQ', 'Redis', 'Redshift', 'S3', 'SageMaker',
  'Scala', 'Schema Registry', 'Snowflake', 'Spark', 'Spark Streaming', 'SQL', 'SQS', 'SNS',
  'Superset', 'Tableau', 'Terraform', 'Trino', 'ZooKeeper'
]

// Ordinary words too ("glue code", "a lambda"): only the capitalised spelling counts.
const exactCaseOnly = new Set(['Athena', 'Feast', 'Git', 'Glue', 'Hive', 'Lambda', 'Luigi', 'Oracle', 'Spark'])

const canonical = new Map(technologyNames.map((name) => [name.toLowerCase(), name]))

// Longest names first so "Spark Streaming" wins over "Spark"; one regex keeps the scan linear.
const technologyPattern = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:${[...technologyNames]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})(?![\\p{L}\\p{N}_])`,
  'giu'
)

/** `exactCase`: only names written as the list spells them (in code, `sql=` or `.parquet(` are identifiers, not choices). */
export function collectTechnologyNames(text: string, into: (name: string) => void, exactCase = false): void {
  for (const match of text.matchAll(technologyPattern)) {
    const name = canonical.get(match[0].toLowerCase())
    if (name && ((!exactCase && !exactCaseOnly.has(name)) || match[0] === name)) into(name)
  }
}
