using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Series;

public class CollectionBuilderTests
{
    private static readonly CollectionLimits Limits = new(MaxMembers: 10, MaxTotalPoints: 40, MinMemberPoints: 3, MaxMemberPoints: 100, MaxFuturePeriods: 12);

    private static MemberPoints Monthly(string key, int count, int skip = 0) => new(key,
        Enumerable.Range(0, count).Select(i => Utc.Date(2024, 1, 1).AddMonths(i < 1 ? i : i + skip)).ToList(),
        Enumerable.Range(1, count).Select(i => (double)i).ToList(), $"series[{key}]");

    private static MemberPoints Quarterly(string key) => new(key,
        [Utc.Date(2024, 1, 1), Utc.Date(2024, 4, 1), Utc.Date(2024, 7, 1)], [1.0, 2, 3], $"series[{key}]");

    [Fact]
    public void Members_may_name_their_covariates_in_any_order_and_are_stored_in_the_first_member_s()
    {
        static MemberPoints WithCovariates(string key, params (string Name, double Offset)[] columns) => Monthly(key, 3) with
        {
            Covariates = new CovariateRows([.. Enumerable.Range(0, 3).Select(i => Utc.Date(2024, 1, 1).AddMonths(i))], [.. columns.Select(c => c.Name)],
                [.. columns.Select(c => (IReadOnlyList<double?>)[.. Enumerable.Range(0, 3).Select(i => (double?)(i + c.Offset))])]),
        };

        var built = CollectionBuilder.Build([WithCovariates("a", ("price", 10), ("promo", 0)), WithCovariates("b", ("promo", 0), ("price", 20))],
            null, GapFillPolicy.Interpolate, Limits);

        Assert.Equal(["price", "promo"], built.Members[1].Covariates.Names);
        Assert.Equal([20.0, 21, 22], built.Members[1].Covariates.Columns[0].Values);
    }

    [Fact]
    public void The_collection_takes_the_frequency_most_members_have_and_refuses_the_others_by_key()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            CollectionBuilder.Build([Quarterly("q"), Monthly("a", 4), Monthly("b", 4)], null, GapFillPolicy.Interpolate, Limits));

        Assert.Equal("Member 'q' (series[q]) is quarterly, but the collection is monthly: every member must share one frequency.", error.Message);
    }

    [Fact]
    public void A_frequency_given_for_the_collection_decides_even_against_the_majority()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            CollectionBuilder.Build([Quarterly("q"), Monthly("a", 4), Monthly("b", 4)], Frequency.Quarterly, GapFillPolicy.Interpolate, Limits));

        Assert.StartsWith("Member 'a' (series[a]) is monthly, but the collection is quarterly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_member_is_filled_on_its_own_and_the_filled_points_count_toward_the_total()
    {
        var built = CollectionBuilder.Build([Monthly("a", 4), Monthly("gappy", 4, skip: 2)], null, GapFillPolicy.Interpolate, Limits);

        Assert.Equal(Frequency.Monthly, built.Frequency);
        Assert.Equal([4, 6], built.Members.Select(m => m.Built.Series.Count));
        Assert.Equal(2, built.Members[1].Built.FilledGaps.Count);
        Assert.Equal(10, built.TotalPoints);
        var error = Assert.Throws<DomainValidationException>(() =>
            CollectionBuilder.Build([Monthly("a", 4), Monthly("gappy", 4, skip: 40)], null, GapFillPolicy.Interpolate, Limits));
        Assert.Contains("more than the 40 allowed (Limits:Collections:MaxTotalPoints)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_refused_by_its_fill_policy_is_named_and_keeps_the_unprocessable_status()
    {
        var error = Assert.Throws<UnprocessableException>(() =>
            CollectionBuilder.Build([Monthly("a", 4), Monthly("gappy", 4, skip: 2)], null, GapFillPolicy.Refuse, Limits));

        Assert.StartsWith("Member 'gappy' (series[gappy]) is refused: The series has 2 missing period(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_must_be_unique_and_present()
    {
        Assert.Contains("appears twice", Assert.Throws<DomainValidationException>(() =>
            CollectionBuilder.Build([Monthly("a", 4), Monthly("a", 4)], null, GapFillPolicy.Interpolate, Limits)).Message, StringComparison.Ordinal);
        Assert.Contains("key must have 1 to 200 characters", Assert.Throws<DomainValidationException>(() =>
            CollectionBuilder.Build([Monthly(" ", 4)], null, GapFillPolicy.Interpolate, Limits)).Message, StringComparison.Ordinal);
    }
}
