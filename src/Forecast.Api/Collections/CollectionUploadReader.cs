using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Series;
using Forecast.Domain;
using Forecast.Domain.Calendars;
using Forecast.Domain.Series;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Collections;

/// <summary>A validated collection upload, ready to store.</summary>
/// <param name="Calendar">The calendar every member follows; its covariates are generated when a member is read, as a series' are.</param>
public sealed record CollectionUpload(string Name, GapFillPolicy Policy, CollectionContents Built, SeriesCalendar Calendar);

/// <summary>What a long CSV cannot say about itself, from the query string (a multipart form's own fields win).</summary>
/// <param name="Holidays">The country whose public holidays every member follows.</param>
/// <param name="CalendarFeatures">Calendar features, separated by commas.</param>
/// <param name="PastOnly">The covariate columns known only as they happen, separated by commas.</param>
public sealed record CollectionCsvSettings(string? Name, string? IdColumn, string? Frequency, string? FillPolicy,
    string? Holidays = null, string? HolidayRegion = null, string? CalendarFeatures = null, string? PastOnly = null);

/// <summary>Reads <c>POST /api/collections</c> bodies: JSON, a long <c>text/csv</c> body, or a multipart field <c>file</c>.</summary>
public sealed class CollectionUploadReader(IOptions<LimitsOptions> limits)
{
    private readonly LimitsOptions limits = limits.Value;

    private CollectionLimits Limits => limits.Collections.ToDomain(limits.MaxPoints, limits.MaxHorizon);

    public async Task<CollectionUpload> ReadAsync(HttpRequest request, CollectionCsvSettings csvSettings, CancellationToken cancellationToken)
    {
        var upload = await ReadBodyAsync(request, csvSettings, cancellationToken);
        foreach (var member in upload.Built.Members)
        {
            ValueMagnitudes.Check(member.Built.Series.Values, limits.MaxAbsoluteValue, $"Member '{member.Key}': ");
            ValueMagnitudes.Check(member.Covariates, limits.MaxAbsoluteValue, member.Key);
        }
        CalendarChecks.Check(upload.Calendar, upload.Built, limits.MaxHorizon, limits.Calendar.ToDomain(limits.MaxCovariates));
        return upload;
    }

    private async Task<CollectionUpload> ReadBodyAsync(HttpRequest request, CollectionCsvSettings csvSettings, CancellationToken cancellationToken)
    {
        var body = await UploadBody.ReadAsync<CreateCollectionRequest>(request,
            "The request body is empty; send a JSON object with name and series.", "long format: series,date,value", cancellationToken);
        return body.Json is { } json
            ? FromJson(json)
            : FromCsv(body.Csv!, new CollectionCsvSettings(
                body.Field("name", csvSettings.Name) ?? body.FileName, body.Field("idColumn", csvSettings.IdColumn),
                body.Field("frequency", csvSettings.Frequency), body.Field("fillPolicy", csvSettings.FillPolicy),
                body.Field("holidays", csvSettings.Holidays), body.Field("holidayRegion", csvSettings.HolidayRegion),
                body.Field("calendarFeatures", csvSettings.CalendarFeatures), body.Field("pastOnly", csvSettings.PastOnly)));
    }

    private CollectionUpload FromJson(CreateCollectionRequest body)
    {
        var name = UploadNames.Check(body.Name);
        var calendar = CalendarReader.FromJson(body.Calendar);
        var members = (body.Series ?? throw new DomainValidationException("series is required: a list of {key, values, timestamps | start}.", "series"))
            .Select((member, i) => JsonMember(member, i, body.Frequency))
            .ToList();
        var policy = body.FillPolicy ?? GapFillPolicy.Interpolate;
        var pastOnly = PastOnlyNames.FromJson(body.PastOnly, limits.MaxCovariates);
        return new CollectionUpload(name, policy, CollectionBuilder.Build(members, body.Frequency, policy, Limits, pastOnly), calendar);
    }

    private MemberPoints JsonMember(CollectionMemberRequest member, int index, Frequency? frequency)
    {
        var source = $"series[{index}]";
        var key = member.Key ?? throw new DomainValidationException($"{source}: key is required.", "series");
        var values = member.Values ?? throw new DomainValidationException($"Member '{key}' ({source}): values is required.", "series");
        IReadOnlyList<DateTime> dates;
        if (TimestampText.ParseAll(member.Timestamps, $"{source}.timestamps") is { } timestamps)
        {
            if (member.Start is not null)
            {
                throw new DomainValidationException($"Member '{key}' ({source}): give either timestamps or start, not both.", "series");
            }
            dates = timestamps;
        }
        else
        {
            var start = TimestampText.ParseOne(member.Start, $"{source}.start") ?? throw new DomainValidationException($"Member '{key}' ({source}): give timestamps, or start and the collection's frequency.", "series");
            var step = frequency ?? throw new DomainValidationException($"Member '{key}' ({source}) gives a start, so the collection needs a frequency.", "frequency");
            dates = [.. Enumerable.Range(0, values.Length).Select(i => step.Advance(start, i))];
        }
        return new MemberPoints(key, dates, values, source) { Covariates = MemberCovariates(member, key, source, dates, frequency) };
    }

    /// <summary>A member's covariates as a series' JSON upload gives them; its known future is dated by the collection's frequency, else by its own.</summary>
    private CovariateRows MemberCovariates(CollectionMemberRequest member, string key, string source, IReadOnlyList<DateTime> dates, Frequency? frequency)
    {
        if (member.Covariates is not { Count: > 0 } covariates)
        {
            return CovariateRows.None;
        }
        var step = frequency ?? FrequencyExtensions.Infer(dates) ?? throw new DomainValidationException(
            $"Member '{key}' ({source}) has no frequency that its timestamps follow, so its covariates' known future has no dates; give the collection's frequency.", "frequency");
        return JsonCovariates.Rows(covariates, dates, step, limits.MaxCovariates);
    }

    private CollectionUpload FromCsv(string csv, CollectionCsvSettings settings)
    {
        var members = CollectionCsvReader.Read(new StringReader(csv), settings.IdColumn, limits.Collections.MaxTotalPoints,
            "the most a collection may have (Limits:Collections:MaxTotalPoints)", limits.MaxCsvLineLength, limits.MaxCovariates);
        var frequency = UploadNames.ParseEnum<Frequency>(settings.Frequency, "frequency");
        var policy = UploadNames.ParseEnum<GapFillPolicy>(settings.FillPolicy, "fillPolicy") ?? GapFillPolicy.Interpolate;
        var name = UploadNames.Check(string.IsNullOrWhiteSpace(settings.Name) ? "collection" : settings.Name);
        var calendar = CalendarReader.FromCsv(settings.Holidays, settings.HolidayRegion, settings.CalendarFeatures);
        return new CollectionUpload(name, policy, CollectionBuilder.Build(members, frequency, policy, Limits, PastOnlyNames.FromCsv(settings.PastOnly)), calendar);
    }
}
