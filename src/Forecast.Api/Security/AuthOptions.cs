using Microsoft.Extensions.Options;

namespace Forecast.Api.Security;

/// <summary>The admin key (section <c>Auth</c>); client keys are created through <c>POST /api/keys</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The admin key Development runs with when none is configured; refused in every other environment.</summary>
    public const string DevelopmentAdminKey = "forecast-development-admin-key-not-for-production";

    public const int MinimumAdminKeyLength = 32;

    /// <summary>The operator's key: manages client keys, sees every key's data and may act on the job dashboard.</summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// How long a process trusts what it read of a client key: the most another process takes to refuse a key revoked
    /// elsewhere. The process that revokes it refuses it at once.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Client keys (and unknown ids) remembered at once.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000_000)]
    public int KeyCacheSize { get; set; } = 100_000;
}

/// <summary>Outside Development the service must not start without a strong admin key of its own.</summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AdminKey))
        {
            return ValidateOptionsResult.Fail(
                $"Auth:AdminKey is required in the {environment.EnvironmentName} environment: set Auth__AdminKey to a random secret of at least {AuthOptions.MinimumAdminKeyLength} characters (e.g. openssl rand -base64 32).");
        }
        if (options.AdminKey.Length < AuthOptions.MinimumAdminKeyLength)
        {
            return ValidateOptionsResult.Fail($"Auth:AdminKey must have at least {AuthOptions.MinimumAdminKeyLength} characters.");
        }
        if (options.AdminKey == AuthOptions.DevelopmentAdminKey && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail(
                $"Auth:AdminKey is the published development key, which anyone can read; choose a secret one for {environment.EnvironmentName}.");
        }
        return ValidateOptionsResult.Success;
    }
}
