namespace Forecast.Api.Persistence.Backups;

/// <summary>A backup or restore refused or failed for a reason the message names, with what to do about it.</summary>
public sealed class DatabaseCommandException(string message) : Exception(message);
