namespace Forecast.Api.Configuration;

/// <summary>A setting the service cannot start with; the message names it and says what to do.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
