using Forecast.Api.Configuration;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Webhooks;

/// <summary>The destination rules in force: as configured, else strict outside Development and open in it.</summary>
public sealed class WebhookRules(IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    public bool RequireHttps { get; } = options.Value.RequireHttps ?? !environment.IsDevelopment();

    public bool AllowPrivateAddresses { get; } = options.Value.AllowPrivateAddresses ?? environment.IsDevelopment();
}
