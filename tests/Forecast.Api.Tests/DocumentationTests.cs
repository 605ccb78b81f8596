namespace Forecast.Api.Tests;

public class DocumentationTests
{
    [Fact]
    public void Every_link_in_the_documentation_reaches_a_file_and_every_anchor_a_heading_in_it()
    {
        var broken = Documentation.MarkdownFiles.SelectMany(file => Documentation.LinksIn(Documentation.Read(file))
                .Where(link => !Resolves(file, link)).Select(link => $"{file}: {link}"))
            .ToList();

        Assert.Contains("README.md", Documentation.MarkdownFiles);
        Assert.Contains("docs/api.md", Documentation.MarkdownFiles);
        Assert.True(broken.Count == 0, $"broken links: {string.Join(", ", broken)}");
    }

    [Fact]
    public void The_readmes_curl_session_is_the_script_ci_runs_after_its_set_up_lines()
    {
        var script = Documentation.Read(Documentation.CurlSession);
        var commands = script[(script.IndexOf("set -euo pipefail\n", StringComparison.Ordinal) + "set -euo pipefail\n".Length)..].Trim();

        var shown = Documentation.ShellBlockUnder(Documentation.Read("README.md"), "## A session with curl").Trim();

        Assert.Contains("/training-runs", shown);
        Assert.Equal(commands, shown);
    }

    [Fact]
    public void The_readme_is_a_front_door_of_about_two_hundred_lines()
    {
        var lines = Documentation.Read("README.md").Split('\n').Length;

        Assert.True(lines <= 220, $"README.md has {lines} lines; the manual belongs in docs/");
    }

    [Fact]
    public void A_link_to_a_missing_heading_is_found_broken()
    {
        Assert.False(Resolves("README.md", "docs/api.md#no-such-heading"));
        Assert.False(Resolves("README.md", "docs/no-such-file.md"));
        Assert.True(Resolves("README.md", "docs/api.md#keys-limits-and-access"));
        Assert.True(Resolves("docs/api.md", "../README.md#a-session-with-curl"));
    }

    private static bool Resolves(string from, string link)
    {
        var (path, anchor) = link.Split('#', 2) is [var p, var a] ? (p, a) : (link, null);
        var target = path.Length == 0 ? from : Path.GetRelativePath(Repository.Root, Path.GetFullPath(path, Path.Combine(Repository.Root, Path.GetDirectoryName(from)!)));
        var full = Path.Combine(Repository.Root, target);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            return false;
        }
        return anchor is null || (target.EndsWith(".md", StringComparison.Ordinal) && Documentation.AnchorsIn(File.ReadAllText(full)).Contains(anchor));
    }
}
