namespace Forecast.Api.Errors;

/// <summary>The caller has used up a per-key allowance (HTTP 429).</summary>
public sealed class TooManyRequestsException(string detail) : Exception(detail);
