/** Header names in order, so two lists of the same headers read alike. */
export function sortedHeaders(headers: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
}

/** Header names and values, sorted, in two columns that stack on a phone. */
export function HeaderList({ headers, empty }: { headers: Readonly<Record<string, string>>; empty: string }) {
  const rows = sortedHeaders(headers);
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1.5 text-xs sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
      {rows.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="break-all font-mono font-medium text-slate-600" title={name}>
            {name}
          </dt>
          <dd className="mb-1.5 break-all font-mono text-slate-900 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
