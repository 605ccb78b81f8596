namespace Forecast.Domain.Series;

/// <summary>One covariate: a name and its values, value t going with point t of the series.</summary>
public sealed record Covariate(string Name, IReadOnlyList<double> Values)
{
    /// <summary>
    /// Known only as it happens (a measured temperature, footfall), never ahead: it has no known future, and a model reads
    /// it among a window's past inputs only. False, the default, for a covariate known ahead (a price, a promotion, a
    /// holiday), which a model reads at the steps it forecasts too.
    /// </summary>
    public bool PastOnly { get; init; }
}

/// <summary>
/// Known values that go with a series' points, as named numeric columns (a price, a promotion, an income): each aligned
/// with the series from its first point, and as long as it is known. A column may run past the series' end, and those
/// values are the known future a forecast with covariates needs; columns may end at different points.
/// </summary>
public sealed class Covariates
{
    private readonly Dictionary<string, Covariate> byName;

    /// <exception cref="DomainValidationException">A name empty or repeated, or a value that is not a finite number.</exception>
    public Covariates(IReadOnlyList<Covariate> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        byName = new Dictionary<string, Covariate>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (string.IsNullOrWhiteSpace(column.Name))
            {
                throw new DomainValidationException("A covariate needs a name.", "covariates");
            }
            if (!byName.TryAdd(column.Name, column))
            {
                throw new DomainValidationException($"The covariate '{column.Name}' is given twice.", "covariates");
            }
            for (var t = 0; t < column.Values.Count; t++)
            {
                if (!double.IsFinite(column.Values[t]))
                {
                    throw new DomainValidationException($"The covariate '{column.Name}' has a value at point {t} that is not a finite number.", "covariates");
                }
            }
        }
        Columns = columns;
    }

    /// <summary>No covariates: a series forecast from its own past.</summary>
    public static Covariates None { get; } = new([]);

    /// <summary>The columns, in the order given: the order in which a model lists their coefficients.</summary>
    public IReadOnlyList<Covariate> Columns { get; }

    public IReadOnlyList<string> Names => Columns.Select(c => c.Name).ToArray();

    /// <summary>The names of the covariates known only as they happen (<see cref="Covariate.PastOnly"/>).</summary>
    public IReadOnlyList<string> PastOnlyNames => Columns.Where(c => c.PastOnly).Select(c => c.Name).ToArray();

    /// <summary>These covariates without the past-only ones: what a model that needs every covariate's future can use.</summary>
    public Covariates KnownAhead => Columns.Any(c => c.PastOnly) ? new([.. Columns.Where(c => !c.PastOnly)]) : this;

    public bool IsEmpty => Columns.Count == 0;

    /// <summary>
    /// These covariates with <paramref name="future"/>'s values from point <paramref name="end"/> on (a forecast's known
    /// future, given for it alone) in place of those known after it; the others as they are.
    /// </summary>
    /// <exception cref="MissingCovariateException">A covariate of <paramref name="future"/> that has no value somewhere before <paramref name="end"/>.</exception>
    /// <exception cref="ArgumentException">A covariate of <paramref name="future"/> that these do not have.</exception>
    public Covariates WithFuture(int end, IReadOnlyList<Covariate> future)
    {
        ArgumentNullException.ThrowIfNull(future);
        foreach (var given in future)
        {
            if (!byName.ContainsKey(given.Name))
            {
                throw new ArgumentException($"There is no covariate '{given.Name}' to extend.", nameof(future));
            }
        }
        return new Covariates([.. Columns.Select(column => future.FirstOrDefault(f => f.Name == column.Name) is { } given
            ? column with { Values = [.. History(column, end), .. given.Values] }
            : column)]);
    }

    private static IEnumerable<double> History(Covariate column, int end) =>
        column.Values.Count >= end ? column.Values.Take(end) : throw new MissingCovariateException(column.Name, column.Values.Count, origin: null);

    /// <summary>
    /// The values of each covariate in <paramref name="names"/> over points [0, <paramref name="end"/>), in that order.
    /// </summary>
    /// <param name="origin">The point a forecast starts from, so that a missing value is named as a step of it; null for no forecast.</param>
    /// <param name="stepsAtOnce">Steps the model forecasts at once (<see cref="MissingCovariateException"/>); 1 by default.</param>
    /// <exception cref="MissingCovariateException">
    /// A covariate absent or ending before <paramref name="end"/>: the first missing point of the first such covariate in <paramref name="names"/>' order.
    /// </exception>
    public IReadOnlyList<double>[] Require(IReadOnlyList<string> names, int end, int? origin = null, int stepsAtOnce = 1)
    {
        ArgumentNullException.ThrowIfNull(names);
        var columns = new IReadOnlyList<double>[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var known = byName.TryGetValue(names[i], out var column) ? column.Values.Count : 0;
            if (known < end)
            {
                throw new MissingCovariateException(names[i], known, origin, stepsAtOnce);
            }
            columns[i] = column!.Values;
        }
        return columns;
    }
}
