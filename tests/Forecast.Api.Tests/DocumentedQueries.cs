using System.Text.RegularExpressions;

namespace Forecast.Api.Tests;

/// <summary>The query parameters of the <c>/api</c> URLs a document or example script shows, with ids in shell variables (<c>$SERIES</c>).</summary>
public static partial class DocumentedQueries
{
    public static IEnumerable<(string Path, string Parameter)> In(string readme) =>
        ApiUrl().Matches(readme)
            .SelectMany(url => url.Groups["query"].Value.Split('&').Select(pair => (url.Groups["path"].Value, pair.Split('=')[0])))
            .Distinct();

    /// <summary>Whether a route template such as <c>/api/series/{id}</c> is the path a documented URL shows as <c>/api/series/$SERIES</c>.</summary>
    public static bool Matches(string template, string path)
    {
        var (routeSegments, pathSegments) = (template.Split('/'), path.Split('/'));
        return routeSegments.Length == pathSegments.Length && routeSegments.Zip(pathSegments).All(pair =>
            pair.First == pair.Second || (pair.First.StartsWith('{') && pair.Second.StartsWith('$')));
    }

    [GeneratedRegex(@"(?<path>/api/[A-Za-z0-9_${}/-]*?)/?\?(?<query>[A-Za-z][A-Za-z0-9_=&.$-]*)")]
    private static partial Regex ApiUrl();
}
