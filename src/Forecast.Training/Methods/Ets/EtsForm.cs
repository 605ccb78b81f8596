namespace Forecast.Training.Methods.Ets;

/// <summary>How an error, a trend or a season enters the model: not at all, added, or multiplied.</summary>
internal enum Component
{
    None,
    Additive,
    Multiplicative,
}

/// <summary>
/// An exponential smoothing form in the taxonomy of Hyndman et al. (2008), written as R writes it: ETS(error, trend, season),
/// such as ETS(M,Ad,M). Multiplicative trends are outside the space searched (R's default
/// <c>allow.multiplicative.trend = FALSE</c>), so a trend is none, additive or additive damped.
/// </summary>
/// <param name="Error">Additive or multiplicative; never none.</param>
internal readonly record struct EtsForm(Component Error, Component Trend, bool Damped, Component Season)
{
    /// <summary>Simple exponential smoothing, ETS(A,N,N): the form every fallback takes.</summary>
    public static EtsForm SimpleSmoothing { get; } = new(Component.Additive, Component.None, false, Component.None);

    public bool HasTrend => Trend != Component.None;

    public bool HasSeason => Season != Component.None;

    /// <summary>Whether every component is additive or absent and errors are additive: the linear models, R's class 1.</summary>
    public bool IsLinear => Error == Component.Additive && Season != Component.Multiplicative;

    /// <summary>The states of the form: the level, a trend if any, and m seasonal indices if seasonal.</summary>
    public int StateCount(int period) => 1 + (HasTrend ? 1 : 0) + (HasSeason ? period : 0);

    /// <summary>
    /// Whether R's <c>restrict = TRUE</c> admits the form: additive errors with a multiplicative season have infinite forecast
    /// variance. (Multiplicative trends, which restrict also limits, are never searched.)
    /// </summary>
    public bool IsAdmittedByRestrict => !(Error == Component.Additive && Season == Component.Multiplicative);

    public override string ToString() => $"ETS({Letter(Error)},{Letter(Trend)}{(Damped ? "d" : "")},{Letter(Season)})";

    /// <summary>The form R writes as <paramref name="name"/>, such as ETS(M,Ad,M).</summary>
    /// <exception cref="FormatException">Not an ETS form this method fits.</exception>
    public static EtsForm Parse(string name)
    {
        var parts = name.StartsWith("ETS(", StringComparison.Ordinal) && name.EndsWith(')')
            ? name[4..^1].Split(',')
            : [];
        if (parts.Length != 3 || parts[1] is not ("N" or "A" or "Ad"))
        {
            throw new FormatException($"'{name}' is not an exponential smoothing form such as ETS(M,Ad,M).");
        }
        var form = new EtsForm(FromLetter(parts[0]), FromLetter(parts[1][..1]), parts[1] == "Ad", FromLetter(parts[2]));
        return form.Error != Component.None ? form : throw new FormatException($"'{name}' has no error component.");
    }

    private static string Letter(Component component) => component switch
    {
        Component.None => "N",
        Component.Additive => "A",
        _ => "M",
    };

    private static Component FromLetter(string letter) => letter switch
    {
        "N" => Component.None,
        "A" => Component.Additive,
        "M" => Component.Multiplicative,
        _ => throw new FormatException($"'{letter}' is not N, A or M."),
    };
}
