using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Forecast.Domain.Series;

namespace Forecast.Benchmarks;

/// <summary>
/// Every write the service acknowledged with a 2xx during a load run, kept as it was acknowledged, and checked afterwards
/// against the series read back: an acknowledged write that is not there, or not with its value, is a lost write.
/// </summary>
internal sealed class AcknowledgedWrites
{
    /// <summary>Values appended without timestamps: the service put them at the periods ending at <paramref name="End"/>, the end it answered.</summary>
    private sealed record Append(Guid Series, string End, double[] Values);

    private readonly ConcurrentBag<Append> appends = [];
    private readonly ConcurrentDictionary<Guid, double[]> uploads = new();

    public int Appends => appends.Count;

    public int AppendedPoints => appends.Sum(a => a.Values.Length);

    public int Uploads => uploads.Count;

    public void Appended(Guid series, string end, double[] values) => appends.Add(new Append(series, end, values));

    public void Uploaded(Guid series, double[] values) => uploads[series] = values;

    /// <summary>Reads every series written to back (<c>includeValues=true</c>) and describes each acknowledged write missing from it.</summary>
    public async Task<List<string>> LostAsync(HttpClient http, string key)
    {
        var lost = new List<string>();
        foreach (var (id, sent) in uploads)
        {
            var stored = await StoredSeries.ReadAsync(http, id, key);
            if (!stored.Values.SequenceEqual(sent))
            {
                lost.Add($"upload {id}: {sent.Length} values sent, {stored.Values.Length} read back, not the same");
            }
        }
        foreach (var group in appends.GroupBy(a => a.Series))
        {
            var stored = await StoredSeries.ReadAsync(http, group.Key, key);
            foreach (var append in group)
            {
                var end = stored.Frequency.PeriodOf(stored.Start, StoredSeries.Timestamp(append.End));
                for (var k = 0; k < append.Values.Length; k++)
                {
                    var index = end - (append.Values.Length - 1 - k);
                    double? read = index is { } i && i >= 0 && i < stored.Values.Length ? stored.Values[i] : null;
                    // Exact: JSON carries a double's shortest round-trip text both ways, and the service stores the double itself.
                    if (read != append.Values[k])
                    {
                        lost.Add(string.Create(CultureInfo.InvariantCulture,
                            $"series {group.Key}: {append.Values[k]} acknowledged at period {index} (an append ending {append.End}), read back: {read?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}"));
                    }
                }
            }
        }
        return lost;
    }

    /// <summary>A series as <c>GET /api/series/{id}?includeValues=true</c> answers it: its grid and its values.</summary>
    private sealed record StoredSeries(DateTime Start, Frequency Frequency, double[] Values)
    {
        public static async Task<StoredSeries> ReadAsync(HttpClient http, Guid id, string key)
        {
            var series = await ServiceRequests.GetAsync(http, $"/api/series/{id}?includeValues=true", key);
            return new StoredSeries(Timestamp(series.GetProperty("start").GetString()!),
                Enum.Parse<Frequency>(series.GetProperty("frequency").GetString()!, ignoreCase: true),
                series.GetProperty("values").Deserialize<double[]>()!);
        }

        /// <summary>A timestamp as answers write it: a date, or an ISO 8601 UTC date-time.</summary>
        public static DateTime Timestamp(string text) =>
            DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
