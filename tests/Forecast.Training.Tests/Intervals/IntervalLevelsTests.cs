using Forecast.Domain;
using Forecast.Training.Intervals;

namespace Forecast.Training.Tests.Intervals;

public class IntervalLevelsTests
{
    [Fact]
    public void Levels_keep_the_order_they_were_asked_in_and_none_means_no_intervals()
    {
        Assert.Equal([95.0, 80.0], IntervalLevels.Of([95, 80]).Values);
        Assert.Empty(IntervalLevels.Of(null).Values);
    }

    public static TheoryData<double[], string> BadLevels => new()
    {
        { [49.9], "between 50 and 99.9; got 49.9" },
        { [100], "between 50 and 99.9; got 100" },
        { [double.NaN], "between 50 and 99.9" },
        { [80, 80], "once" },
        { [51, 52, 53, 54, 55, 56], "At most 5 levels may be asked for at once; got 6" },
    };

    [Theory]
    [MemberData(nameof(BadLevels))]
    public void Bad_levels_are_refused_naming_the_field(double[] levels, string detailMentions)
    {
        var refused = Assert.Throws<DomainValidationException>(() => IntervalLevels.Of(levels));

        Assert.Equal("level", refused.Field);
        Assert.Contains(detailMentions, refused.Message, StringComparison.Ordinal);
    }
}
