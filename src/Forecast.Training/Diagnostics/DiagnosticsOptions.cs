namespace Forecast.Training.Diagnostics;

/// <summary>What the caller may tune in a diagnostics report; every member has a default.</summary>
public sealed record DiagnosticsOptions
{
    /// <summary>Ljung-Box and Box-Pierce lags used when none are given (those below the series length).</summary>
    public static IReadOnlyList<int> DefaultLags { get; } = [10, 20];

    /// <summary>The correlogram length used when none is given, capped at n / 2 - 1 for short series.</summary>
    public const int DefaultNlags = 20;

    /// <summary>Lags for the portmanteau tests; null for <see cref="DefaultLags"/>. Each must lie in 1..n-1.</summary>
    public IReadOnlyList<int>? Lags { get; init; }

    /// <summary>ACF/PACF length; null for <see cref="DefaultNlags"/>. Must lie in 1..n/2-1 (the PACF's limit).</summary>
    public int? Nlags { get; init; }

    /// <summary>Significance level for the findings and the width of the correlogram intervals.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The calendar's seasonal period (e.g. 12 for monthly data), tried first; null or below 2 for none.</summary>
    public int? SeasonalPeriodHint { get; init; }
}
