/**
 * The Oracle → PostgreSQL rules `translate-oracle.ts` applies, documented one by one, and the
 * prelude that gives each fresh database the Oracle objects PostgreSQL lacks.
 */

export type DialectRuleId =
  | 'drop-before-create'
  | 'sqlplus-slash'
  | 'insert-all'
  | 'varchar2'
  | 'number-type'
  | 'identity-number'
  | 'recursive-with'
  | 'nvl'
  | 'decode'
  | 'sysdate'
  | 'minus'
  | 'merge-where'
  | 'dual'
  | 'date-functions'

export interface DialectRule {
  id: DialectRuleId
  oracle: string
  postgres: string
  why: string
}

/** The documentation of every rule (shown in the drill's "Dialect" help and the README). */
export const dialectRules: readonly DialectRule[] = [
  {
    id: 'drop-before-create',
    oracle: 'drop table dist; create table dist (…)',
    postgres: '(the DROP is left out of setup scripts)',
    why: 'Every run starts from an empty database, so a DROP in a setup can only fail (the table is not there yet) or undo the setup (one bank script drops its tables after creating them).'
  },
  {
    id: 'sqlplus-slash',
    oracle: 'a line holding only /',
    postgres: 'a statement end',
    why: 'SQL*Plus runs its buffer on a lone slash; PostgreSQL reads it as a division.'
  },
  {
    id: 'insert-all',
    oracle: 'insert all into t values (…) into t values (…) select 1 from dual',
    postgres: 'one INSERT per INTO clause',
    why: 'PostgreSQL has no multi-table INSERT ALL.'
  },
  {
    id: 'varchar2',
    oracle: 'varchar2(50), nvarchar2(50 char)',
    postgres: 'varchar(50)',
    why: 'PostgreSQL has no VARCHAR2; length semantics (BYTE/CHAR) do not exist there.'
  },
  {
    id: 'number-type',
    oracle: 'number, number(10,2)',
    postgres: 'numeric, numeric(10,2)',
    why: 'PostgreSQL has no NUMBER type; NUMERIC keeps Oracle’s exact decimal arithmetic (7/2 = 3.5).'
  },
  {
    id: 'identity-number',
    oracle: 'id number generated always as identity',
    postgres: 'id integer generated always as identity',
    why: 'PostgreSQL identity columns must be an integer type.'
  },
  {
    id: 'recursive-with',
    oracle: 'with t(n) as (select 1 from dual union all select n+1 from t where n < 25)',
    postgres: 'with recursive t(n) as (…)',
    why: 'Oracle recognises a recursive WITH by its self-reference (with a column list); PostgreSQL needs the RECURSIVE keyword.'
  },
  { id: 'nvl', oracle: 'nvl(a, b)', postgres: 'coalesce(a, b)', why: 'PostgreSQL has no NVL.' },
  {
    id: 'decode',
    oracle: 'decode(x, 1, ‘one’, 2, ‘two’, ‘many’)',
    postgres: 'case when x is not distinct from 1 then ‘one’ … else ‘many’ end',
    why: 'PostgreSQL’s decode() decodes binary text; Oracle’s DECODE is a CASE in which NULL matches NULL.'
  },
  {
    id: 'sysdate',
    oracle: 'sysdate, systimestamp',
    postgres: 'current_date, current_timestamp',
    why: 'PostgreSQL has neither. SYSDATE becomes today’s date: the time of day is dropped, which is what the bank’s uses (trunc(sysdate), sysdate - 1) need.'
  },
  { id: 'minus', oracle: 'select … minus select …', postgres: 'select … except select …', why: 'PostgreSQL spells the set difference EXCEPT.' },
  {
    id: 'merge-where',
    oracle: 'merge … when matched then update set d.c = … where cond when not matched then insert … where cond',
    postgres: 'merge … when matched and cond then update set c = … when not matched and cond then insert …',
    why: 'PostgreSQL puts a MERGE action’s condition after WHEN … AND, and its SET targets cannot be qualified.'
  },
  {
    id: 'dual',
    oracle: 'select 1 from dual',
    postgres: '(every database has a one-row table dual(dummy) holding ‘X’)',
    why: 'Oracle’s one-row table does not exist in PostgreSQL.'
  },
  {
    id: 'date-functions',
    oracle: 'trunc(date), trunc(date, ‘YYYY’), add_months(d, n), last_day(d)',
    postgres: '(functions of the same names are created in every database)',
    why: 'PostgreSQL’s trunc() takes numbers only, and it has no ADD_MONTHS or LAST_DAY.'
  }
]

/**
 * SQL run in every fresh database before the setup: the Oracle objects PostgreSQL lacks
 * (rules `dual` and `date-functions`).
 */
export const oraclePrelude = `
create table dual (dummy varchar(1));
insert into dual values ('X');
create function trunc(d date) returns date language sql immutable as 'select d';
create function trunc(d timestamp) returns date language sql immutable as 'select d::date';
create function trunc(d date, fmt text) returns date language sql immutable as $$
  select case upper(fmt)
    when 'YYYY' then date_trunc('year', d)::date when 'YEAR' then date_trunc('year', d)::date
    when 'Q' then date_trunc('quarter', d)::date
    when 'MM' then date_trunc('month', d)::date when 'MON' then date_trunc('month', d)::date when 'MONTH' then date_trunc('month', d)::date
    when 'IW' then date_trunc('week', d)::date
    else d end $$;
create function add_months(d date, n numeric) returns date language sql immutable as 'select (d + make_interval(months => n::int))::date';
create function last_day(d date) returns date language sql immutable as $$ select (date_trunc('month', d) + interval '1 month - 1 day')::date $$;
`
