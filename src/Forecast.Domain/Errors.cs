namespace Forecast.Domain;

/// <summary>Input that breaks a rule of the domain; <see cref="Field"/> names the part at fault.</summary>
public class DomainValidationException(string detail, string? field = null) : Exception(detail)
{
    public string? Field { get; } = field;
}

/// <summary>Input that is well formed but cannot be processed (HTTP 422), e.g. a series too short.</summary>
public class UnprocessableException(string detail, string? field = null) : DomainValidationException(detail, field);

public sealed class NotFoundException(string what, object id) : Exception($"{what} '{id}' was not found.");

/// <summary>The request conflicts with the current state of a resource (HTTP 409).</summary>
public sealed class ConflictException(string detail) : Exception(detail);

/// <summary>The request body is in a format the endpoint does not accept (HTTP 415).</summary>
public sealed class UnsupportedContentTypeException(string detail) : Exception(detail);

/// <summary>A timestamp, or the row it dates, that breaks a rule; <see cref="Point"/> (from 0) says which, so a reader can name its own line.</summary>
/// <param name="field">The request field at fault: the timestamps, or the covariates a row carries.</param>
public sealed class TimestampException(string detail, int point, string field = "timestamps") : DomainValidationException(detail, field)
{
    public int Point { get; } = point;
}
