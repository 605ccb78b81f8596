using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Domain;
using Forecast.Domain.Calendars;
using Forecast.Domain.Series;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Series;

/// <summary>A validated upload, ready to store.</summary>
/// <param name="Covariates">The uploaded covariates; the calendar's are generated from <paramref name="Calendar"/> when the series is read.</param>
public sealed record SeriesUpload(string Name, BuiltSeries Built, Covariates Covariates, SeriesCalendar Calendar);

/// <summary>What a CSV cannot say about itself, from the query string (a multipart form's own fields win).</summary>
/// <param name="Holidays">The country whose public holidays the series follows.</param>
/// <param name="CalendarFeatures">Calendar features, separated by commas.</param>
/// <param name="PastOnly">The covariate columns known only as they happen, separated by commas (<see cref="CreateSeriesRequest.PastOnly"/>).</param>
public sealed record CsvUploadSettings(
    string? Name, string? Frequency, string? FillPolicy, string? Holidays = null, string? HolidayRegion = null, string? CalendarFeatures = null, string? PastOnly = null);

/// <summary>Reads <c>POST /api/series</c> bodies: JSON, a <c>text/csv</c> body, or a multipart field <c>file</c>.</summary>
public sealed class SeriesUploadReader(IOptions<LimitsOptions> limits)
{
    private readonly LimitsOptions limits = limits.Value;

    public async Task<SeriesUpload> ReadAsync(HttpRequest request, CsvUploadSettings csvSettings, CancellationToken cancellationToken)
    {
        var upload = await ReadBodyAsync(request, csvSettings, cancellationToken);
        ValueMagnitudes.Check(upload.Built.Series.Values, limits.MaxAbsoluteValue, prefix: "");
        ValueMagnitudes.Check(upload.Covariates, limits.MaxAbsoluteValue);
        CalendarChecks.Check(upload.Calendar, upload.Built.Series, upload.Covariates, limits.MaxHorizon, limits.Calendar.ToDomain(limits.MaxCovariates));
        return upload;
    }

    private async Task<SeriesUpload> ReadBodyAsync(HttpRequest request, CsvUploadSettings csvSettings, CancellationToken cancellationToken)
    {
        var body = await UploadBody.ReadAsync<CreateSeriesRequest>(request,
            "The request body is empty; send a JSON object with name and values.", "a date and a value column", cancellationToken);
        return body.Json is { } json
            ? FromJson(json)
            : FromCsv(body.Csv!, body.Field("name", csvSettings.Name) ?? body.FileName, body.Field("frequency", csvSettings.Frequency),
                body.Field("fillPolicy", csvSettings.FillPolicy), PastOnlyNames.FromCsv(body.Field("pastOnly", csvSettings.PastOnly)),
                CalendarReader.FromCsv(body.Field("holidays", csvSettings.Holidays), body.Field("holidayRegion", csvSettings.HolidayRegion),
                    body.Field("calendarFeatures", csvSettings.CalendarFeatures)));
    }

    private SeriesUpload FromJson(CreateSeriesRequest body)
    {
        var name = UploadNames.Check(body.Name);
        var calendar = CalendarReader.FromJson(body.Calendar);
        var values = body.Values ?? throw new DomainValidationException("values is required.", "values");
        var policy = body.FillPolicy ?? GapFillPolicy.Interpolate;
        if (TimestampText.ParseAll(body.Timestamps, "timestamps") is { } timestamps)
        {
            if (body.Start is not null)
            {
                throw new DomainValidationException("Give either timestamps or start, not both.", "start");
            }
            return WithJsonCovariates(name, SeriesBuilder.FromPoints(timestamps, values, body.Frequency, policy, limits.MaxPoints), timestamps, body, calendar);
        }
        var start = TimestampText.ParseOne(body.Start, "start") ?? throw new DomainValidationException("Give timestamps, or start and frequency.", "timestamps");
        var frequency = body.Frequency ?? throw new DomainValidationException("frequency is required with start.", "frequency");
        var built = SeriesBuilder.FromValues(start, frequency, values, limits.MaxPoints);
        return WithJsonCovariates(name, built, [.. Enumerable.Range(0, built.Series.Count).Select(built.Series.TimestampAt)], body, calendar);
    }

    /// <summary>The JSON's covariates, aligned by the rules of a CSV's rows.</summary>
    private SeriesUpload WithJsonCovariates(string name, BuiltSeries built, DateTime[] timestamps, CreateSeriesRequest body, SeriesCalendar calendar)
    {
        var rows = JsonCovariates.Rows(body.Covariates, timestamps, built.Series.Frequency, limits.MaxCovariates);
        var pastOnly = PastOnlyNames.FromJson(body.PastOnly, limits.MaxCovariates);
        return new SeriesUpload(name, built, CovariateAlignment.Align(built.Series, rows, limits.MaxHorizon, pastOnly), calendar);
    }

    private SeriesUpload FromCsv(string csv, string? name, string? frequency, string? fillPolicy, IReadOnlyCollection<string> pastOnly, SeriesCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            throw new DomainValidationException("The CSV is empty.", "file");
        }
        var points = CsvSeriesReader.Read(new StringReader(csv), limits.MaxPoints, limits.MaxCsvLineLength, limits.MaxCovariates);
        var givenFrequency = UploadNames.ParseEnum<Frequency>(frequency, "frequency");
        var policy = UploadNames.ParseEnum<GapFillPolicy>(fillPolicy, "fillPolicy") ?? GapFillPolicy.Interpolate;
        var built = points.Lines.Blame(() => SeriesBuilder.FromPoints(points.Dates, points.Values, givenFrequency, policy, limits.MaxPoints));
        var covariates = points.CovariateLines.Blame(() => CovariateAlignment.Align(built.Series, points.Covariates, limits.MaxHorizon, pastOnly));
        return new SeriesUpload(UploadNames.Check(string.IsNullOrWhiteSpace(name) ? "series" : name), built, covariates, calendar);
    }
}
