using Forecast.Domain.Series;

namespace Forecast.Api.Contracts;

/// <summary>A collection as JSON: many series of one frequency, each under its own key.</summary>
/// <param name="Name">A name for people; 1 to 200 characters.</param>
/// <param name="Series">The members.</param>
/// <param name="Frequency">minutes1, minutes5, minutes10, minutes15, minutes30, hourly, daily, weekly, monthly, quarterly or yearly; inferred from the members' timestamps when left out (the one most have).</param>
/// <param name="FillPolicy">What to do with each member's missing periods: interpolate (default), forwardFill or refuse.</param>
/// <param name="Calendar">Holidays, events and calendar features every member follows, as a series' calendar: each member's covariates include its columns.</param>
/// <param name="PastOnly">The members' covariates known only as they happen, as a series' upload names them (<see cref="CreateSeriesRequest.PastOnly"/>).</param>
public sealed record CreateCollectionRequest(
    string? Name, CollectionMemberRequest[]? Series, Frequency? Frequency = null, GapFillPolicy? FillPolicy = null, CalendarRequest? Calendar = null,
    string[]? PastOnly = null);

/// <summary>One member: its values with their timestamps, or with a start (the collection's frequency then places them).</summary>
/// <param name="Key">The member's id in the collection (an item, store or sensor), unique, 1 to 200 characters.</param>
/// <param name="Values">The observations, oldest first.</param>
/// <param name="Timestamps">One timestamp per value (dates, or ISO 8601 date-times with an offset), strictly increasing. Leave out to use <paramref name="Start"/>.</param>
/// <param name="Start">Timestamp of the first value when <paramref name="Timestamps"/> is left out.</param>
/// <param name="Covariates">
/// Known values that go with the member, by name, as a series' upload gives them (<c>{"price": [...]}</c>): value i with
/// timestamp i (or period i from start); values past the last are the known future. Every member carries the same names.
/// </param>
public sealed record CollectionMemberRequest(string? Key, double[]? Values, string[]? Timestamps = null, string? Start = null, Dictionary<string, double[]>? Covariates = null);

/// <summary>Lengths of the members, in points.</summary>
public sealed record MemberLengths(int Shortest, double Median, int Longest)
{
    public static MemberLengths Of(IEnumerable<int> lengths)
    {
        var sorted = lengths.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return new MemberLengths(sorted[0], median, sorted[^1]);
    }
}

/// <summary>A member whose missing periods were filled on upload.</summary>
public sealed record MemberGaps(string Key, Guid SeriesId, IReadOnlyList<string> FilledGaps);

/// <summary>A collection: how many members, how long, over which dates, and which had gaps filled.</summary>
/// <param name="Calendar">The calendar every member follows, as uploaded (each member's read shows it too); null for none.</param>
public sealed record CollectionResponse(
    Guid Id,
    string Name,
    Frequency Frequency,
    int MemberCount,
    long TotalPoints,
    MemberLengths Lengths,
    string Start,
    string End,
    GapFillPolicy FillPolicy,
    IReadOnlyList<MemberGaps> Gaps,
    DateTime CreatedAt,
    CalendarResponse? Calendar = null);

public sealed record CollectionListItem(Guid Id, string Name, Frequency Frequency, int MemberCount, DateTime CreatedAt);

/// <summary>A member in its collection's list; its whole record is at <c>/api/series/{id}</c>.</summary>
public sealed record CollectionMemberItem(Guid Id, string Key, string Start, string End, int Count);

/// <summary>New observations of many members as JSON.</summary>
public sealed record AppendCollectionObservationsRequest(MemberObservationsRequest[]? Series);

/// <summary>One member's new observations.</summary>
/// <param name="Key">The member's key in the collection.</param>
/// <param name="Timestamps">One timestamp per value (as on upload), strictly increasing, on the collection's grid; leave out to continue from the member's end.</param>
/// <param name="Covariates">
/// Values of the member's covariates by name, as a series' append gives them: value i with observation i, those after the last
/// observation its known future. A new period needs a value of every covariate unless the stored known future has it; a value
/// for a period after the old end replaces the stored one; one for a period of the history must equal it unless revise=true.
/// </param>
public sealed record MemberObservationsRequest(string? Key, double[]? Values, string[]? Timestamps = null, Dictionary<string, double[]>? Covariates = null);

/// <summary>What an append did to each member it named.</summary>
public sealed record MemberObservationsResponse(string Key, ObservationsResponse Observations);

/// <param name="Version">The collection's version after the append: one more when any member changed.</param>
public sealed record CollectionObservationsResponse(Guid CollectionId, int Version, IReadOnlyList<MemberObservationsResponse> Members);
