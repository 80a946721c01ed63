using AngleSharp;
using AngleSharp.Diffing;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace NspPortal.TestSupport;

/// <summary>HTML helpers for tests: parse markup to query it, and compare markup semantically (whitespace,
/// attribute order and class order do not matter; <c>diff:ignore</c> and <c>diff:regex</c> are honoured).</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default));

    /// <summary>Parses a whole document.</summary>
    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Parses a fragment (what an htmx request gets) into the body of a document.</summary>
    public static IElement ParseFragment(string html) => Parser.ParseDocument($"<html><body>{html}</body></html>").Body!;

    /// <summary>Fails with the list of differences unless <paramref name="actual"/> means the same HTML as <paramref name="expected"/>.</summary>
    public static void AssertEquivalent(string expected, string actual)
    {
        var diffs = DiffBuilder.Compare(expected).WithTest(actual).Build().ToList();
        Assert.True(diffs.Count == 0,
            $"HTML differs ({diffs.Count}):\n{string.Join('\n', diffs.Select(Describe))}\n--- actual ---\n{actual}");
    }

    private static string Describe(AngleSharp.Diffing.Core.IDiff diff) => diff switch
    {
        AngleSharp.Diffing.Core.NodeDiff n => $"{n.Result} at {n.Control.Path}: expected '{n.Control.Node.TextContent.Trim()}', got '{n.Test.Node.TextContent.Trim()}'",
        AngleSharp.Diffing.Core.AttrDiff a => $"{a.Result} at {a.Control.Path}: expected '{a.Control.Attribute.Value}', got '{a.Test.Attribute.Value}'",
        AngleSharp.Diffing.Core.MissingNodeDiff m => $"missing {m.Control.Path}",
        AngleSharp.Diffing.Core.MissingAttrDiff m => $"missing attribute {m.Control.Path}",
        AngleSharp.Diffing.Core.UnexpectedNodeDiff u => $"unexpected {u.Test.Path}",
        AngleSharp.Diffing.Core.UnexpectedAttrDiff u => $"unexpected attribute {u.Test.Path}",
        _ => diff.ToString() ?? "",
    };

    /// <summary>Where a redirect goes, as a local path and query; fails when it leaves https://localhost.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"HTTP {(int)response.StatusCode} has no Location header.");
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        Assert.True(location.Host == "localhost", $"The redirect leaves the portal: {location}");
        return location.PathAndQuery;
    }
}
