using Forecast.Domain.Series;

namespace Forecast.Api.Persistence;

/// <summary>A stored series. Values are a little-endian array of doubles: compact and exact.</summary>
public sealed class SeriesEntity
{
    public Guid Id { get; set; }

    /// <summary>The API key that uploaded it; its runs and models belong to the same key.</summary>
    public Guid OwnerKeyId { get; set; }
    public required string Name { get; set; }
    public DateTime Start { get; set; }
    public Frequency Frequency { get; set; }
    public int Count { get; set; }
    public required byte[] Values { get; set; }
    public GapFillPolicy FillPolicy { get; set; }

    /// <summary>The covariates uploaded with the series, known future included (<see cref="CovariateCodec"/>); null for none.</summary>
    public string? Covariates { get; set; }

    /// <summary>The series' calendar as given (<see cref="CalendarCodec"/>); null for none. Its covariates are generated on reading.</summary>
    public string? Calendar { get; set; }
    public List<DateTime> FilledGaps { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// 1 at upload, one more with every append that changed the series. An append writes on the version it read, so two
    /// appends never both apply to one version; a model's forecast is memoised per version, so every process sees new data.
    /// </summary>
    public int Version { get; set; } = 1;

    /// <summary>The collection the series is a member of; null for a series uploaded on its own.</summary>
    public Guid? CollectionId { get; set; }

    /// <summary>The member's key within its collection (unique there); null outside a collection.</summary>
    public string? Key { get; set; }

    public RegularSeries ToDomain() => new(Start, Frequency, ValueCodec.Decode(Values));

    /// <summary>
    /// Every covariate of the series: the uploaded ones, then its calendar's, generated through <paramref name="knownFuture"/>
    /// periods past its end (Limits:MaxHorizon, so that any forecast the service allows finds them).
    /// </summary>
    public Covariates CovariatesToDomain(int knownFuture) => CalendarCodec.Decode(Calendar).With(CovariateCodec.Decode(Covariates), ToDomain(), knownFuture);
}
