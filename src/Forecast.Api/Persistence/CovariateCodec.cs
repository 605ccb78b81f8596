using System.Text.Json;
using System.Text.Json.Serialization;
using Forecast.Domain.Series;

namespace Forecast.Api.Persistence;

/// <summary>
/// Encodes a series' covariates as JSON for a text column (<c>[{"name":"price","values":[...]}]</c>, a past-only one with
/// <c>"pastOnly":true</c>), null for none so that
/// a series without them costs nothing; JSON writes each double so that it reads back to the same bits.
/// </summary>
public static class CovariateCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string? Encode(Covariates covariates) =>
        covariates.IsEmpty ? null : JsonSerializer.Serialize(covariates.Columns.Select(c => new Stored(c.Name, [.. c.Values], c.PastOnly ? true : null)), Options);

    public static Covariates Decode(string? json) =>
        json is null ? Covariates.None : new Covariates([.. JsonSerializer.Deserialize<Stored[]>(json, Options)!
            .Select(c => new Covariate(c.Name, c.Values) { PastOnly = c.PastOnly == true })]);

    /// <param name="PastOnly">True for a past-only covariate; left out (null) for one known ahead, as every covariate stored before past-only ones existed.</param>
    private sealed record Stored(string Name, double[] Values, bool? PastOnly = null);
}
