using Forecast.Domain.Registry;

namespace Forecast.Domain.Retraining;

/// <summary>The name of a retraining policy (<c>nightly</c>), in its URL: the same rule as an alias name.</summary>
public static class PolicyName
{
    /// <exception cref="DomainValidationException">The name breaks the rule.</exception>
    public static string Check(string name) =>
        AliasName.IsValid(name)
            ? name
            : throw new DomainValidationException(
                $"A policy name is lower-case letters, digits and hyphens, starting with a letter, at most {AliasName.MaxLength} characters; got '{name}'.", "name");
}
