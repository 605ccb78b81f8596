using System.Text.RegularExpressions;

namespace Forecast.Api.Tests;

/// <summary>The repository's documentation as a reader meets it: the README, docs/ and the READMEs beside the code.</summary>
public static partial class Documentation
{
    public const string CurlSession = "docs/examples/session.sh";

    /// <summary>Every Markdown file a reader follows links through, relative to the repository's root.</summary>
    public static IReadOnlyList<string> MarkdownFiles { get; } = Repository.Files()
        .Where(file => file.EndsWith(".md", StringComparison.Ordinal) && !file.StartsWith("src/Forecast.Api/wwwroot/lib", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>The documents and example scripts that show the API's URLs.</summary>
    public static IEnumerable<string> ShowingUrls() =>
        MarkdownFiles.Concat(Repository.Files().Where(file => file.StartsWith("docs/examples/", StringComparison.Ordinal)));

    public static string Read(string file) => File.ReadAllText(Path.Combine(Repository.Root, file));

    /// <summary>The relative links and images of a Markdown text, outside its code blocks (web addresses left out).</summary>
    public static IEnumerable<string> LinksIn(string markdown) =>
        Link().Matches(CodeBlock().Replace(markdown, ""))
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal));

    /// <summary>The anchors GitHub gives a Markdown text's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static IEnumerable<string> AnchorsIn(string markdown) =>
        Heading().Matches(CodeBlock().Replace(markdown, ""))
            .Select(match => NotInAnchor().Replace(match.Groups["title"].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-'));

    /// <summary>The body of the first <c>sh</c> code block under a heading.</summary>
    public static string ShellBlockUnder(string markdown, string heading)
    {
        var section = markdown[(markdown.IndexOf($"\n{heading}\n", StringComparison.Ordinal) + heading.Length + 2)..];
        var start = section.IndexOf("```sh\n", StringComparison.Ordinal) + "```sh\n".Length;
        return section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^#{1,6} (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N} _-]")]
    private static partial Regex NotInAnchor();
}
