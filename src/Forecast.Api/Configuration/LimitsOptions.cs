using System.ComponentModel.DataAnnotations;
using Forecast.Domain.Runs;

namespace Forecast.Api.Configuration;

/// <summary>Server-side limits on every size a client controls (section <c>Limits</c>).</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    [Range(10, 10_000_000)]
    public int MaxPoints { get; set; } = 200_000;

    [Range(16, 1_000_000)]
    public int MaxCsvLineLength { get; set; } = 1_000;

    [Range(1, 100_000)]
    public int MaxHorizon { get; set; } = 1_000;

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    [Required]
    public HyperparameterBounds Hyperparameters { get; set; } = new();
}
