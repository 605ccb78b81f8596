using System.Text.Json;
using System.Text.RegularExpressions;

namespace Forecast.Api.Errors;

/// <summary>
/// What a client needs to hear about JSON the service could not read: where (the JSON path and line) and what it
/// expected, in JSON's words. System.Text.Json's own messages name the .NET types it binds to, which tell a client
/// nothing and tell an attacker how the service is built; those are rewritten, and the reader's syntax messages
/// (which name only characters and positions) are kept.
/// </summary>
public static partial class JsonErrorText
{
    private const string NullablePrefix = "System.Nullable`1[";

    public static string Describe(JsonException error)
    {
        var message = error.Message;
        var at = error.Path is { Length: > 0 } path ? $" at {Shortened(path)} (line {(error.LineNumber ?? 0) + 1})" : "";
        if (NotConvertible().Match(message) is { Success: true } conversion)
        {
            // With an inner error, a token inside the value failed (a broken surrogate, a number out of range), and the
            // type named is an enclosing one; without, the value itself had the wrong kind.
            return error.InnerException is { } inner
                ? $"The JSON value{at} cannot be read: {Scrubbed(inner.Message)}"
                : $"The JSON value{at} must be {Expected(conversion.Groups["type"].Value)}.";
        }
        if (NullNotAllowed().Match(message) is { Success: true } nulled)
        {
            return $"'{Shortened(nulled.Groups["name"].Value)}' may not be null{at}.";
        }
        if (Unmapped().Match(message) is { Success: true } unmapped)
        {
            return $"'{Shortened(unmapped.Groups["name"].Value)}' is not a field of this request{at}; check its spelling against the API's documentation.";
        }
        if (Duplicate().Match(message) is { Success: true } duplicate)
        {
            return $"'{Shortened(duplicate.Groups["name"].Value)}' is given more than once{at}; give each field once.";
        }
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"The request lacks required fields: {missing.Groups["names"].Value}.";
        }
        return Scrubbed(message);
    }

    private static string Scrubbed(string message) => BareTypeName().Replace(TypeName().Replace(message, "the request"), "this field's type");

    // A client's property name is echoed back, but not a megabyte of it.
    private static string Shortened(string name) => name.Length <= 100 ? name : $"{name[..100]}...";

    /// <summary>A JSON kind for the .NET type a value was to become.</summary>
    private static string Expected(string type) => type switch
    {
        _ when type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List`", StringComparison.Ordinal) || type.Contains("Enumerable`", StringComparison.Ordinal) => "an array",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" or "System.UInt32" or "System.UInt64" => "a whole number within range",
        "System.Boolean" => "true or false",
        "System.String" => "a string",
        "System.Guid" => "an id (a GUID such as 0b0f6a52-3f8e-4b59-9c1e-3f2a7a0d6e11)",
        "System.DateTime" or "System.DateOnly" or "System.DateTimeOffset" => "an ISO 8601 date",
        _ when type.StartsWith(NullablePrefix, StringComparison.Ordinal) => Expected(type[NullablePrefix.Length..^1]),
        _ when EnumNames(type) is { } names => $"one of {names}",
        _ => "an object",
    };

    /// <summary>The camel-case names of one of the service's enums, as the JSON converter reads them.</summary>
    private static string? EnumNames(string type)
    {
        var enumType = AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => assembly.GetName().Name?.StartsWith("Forecast.", StringComparison.Ordinal) == true)
            .Select(assembly => assembly.GetType(type))
            .FirstOrDefault(found => found is { IsEnum: true });
        return enumType is null ? null : string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName));
    }

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.(\s|$)")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"[Dd]uplicate (JSON )?property '(?<name>[^']*)'|property '(?<name>[^']*)' (is a duplicate|was already)")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"(property|parameter) '(?<name>[^']*)' on type '[^']*' doesn't allow (getting |setting )?null")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"missing required properties,? including: (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"\b(an? )?(Int16|Int32|Int64|UInt16|UInt32|UInt64|Byte|SByte|Single|Double|Decimal|Boolean|Char|String|Guid|DateTime|DateTimeOffset|DateOnly|TimeSpan)\b")]
    private static partial Regex BareTypeName();

    [GeneratedRegex(@"'?\b(System|Microsoft|Forecast)(\.\w+)+(`\d+)?(\[[^\]]*\])?'?")]
    private static partial Regex TypeName();
}
