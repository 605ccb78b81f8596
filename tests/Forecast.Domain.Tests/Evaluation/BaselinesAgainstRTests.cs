using System.Globalization;
using Forecast.Domain.Evaluation;

namespace Forecast.Domain.Tests.Evaluation;

/// <summary>Naive and seasonal naive against R's forecast package (data/reference/baselines-r-forecast.csv).</summary>
public class BaselinesAgainstRTests
{
    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in ReferenceRows().Where(r => r.Method is "naive" or "snaive"))
        {
            data.Add(row.Series, row.Method);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Naive_and_seasonal_naive_match_r_to_its_printed_precision(string file, string method)
    {
        var reference = ReferenceRows().Single(r => r.Series == file && r.Method == method);
        var values = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", file)).Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(reference.N, values.Length);
        var history = values[..^reference.H];
        var actual = values[^reference.H..];

        var forecast = method == "naive" ? Baselines.Naive(history, reference.H) : Baselines.SeasonalNaive(history, reference.H, reference.Period);
        var m = AccuracyMetrics.Compute(actual, forecast, AccuracyMetrics.MaseScale(history, reference.Period));

        AssertSameToSixDigits(reference.Mae, m.Mae);
        AssertSameToSixDigits(reference.Rmse, m.Rmse);
        AssertSameToSixDigits(reference.Mase, m.Mase);
        if (reference.Smape is null)
        {
            Assert.Null(m.Smape); // R prints NA where an actual and its forecast are both 0
        }
        else
        {
            AssertSameToSixDigits(reference.Smape.Value, m.Smape);
        }
    }

    [Fact]
    public void Drift_extends_the_line_through_the_first_and_last_points() =>
        Assert.Equal([7.0, 9.0], Baselines.Drift([1, 2, 5], 2));

    [Fact]
    public void Seasonal_naive_repeats_the_last_season() =>
        Assert.Equal([4.0, 5, 6, 4, 5], Baselines.SeasonalNaive([1, 2, 3, 4, 5, 6], 5, 3));

    // R wrote 6 significant digits; our value must round to the same figure.
    private static void AssertSameToSixDigits(double expected, double? actual)
    {
        Assert.NotNull(actual);
        var digits = 5 - (int)Math.Floor(Math.Log10(Math.Abs(expected)));
        Assert.Equal(expected, Math.Round(actual.Value, Math.Max(0, digits)), 9);
    }

    private sealed record ReferenceRow(string Series, int N, int Period, int H, string Method, double Mae, double Rmse, double? Smape, double Mase);

    private static IEnumerable<ReferenceRow> ReferenceRows() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "reference", "baselines-r-forecast.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new ReferenceRow(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture),
                int.Parse(f[3], CultureInfo.InvariantCulture), f[4], Parse(f[5]), Parse(f[6]), f[7] == "NA" ? null : Parse(f[7]), Parse(f[8])));

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
