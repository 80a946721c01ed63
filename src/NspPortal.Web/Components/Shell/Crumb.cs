namespace NspPortal.Web.Components.Shell;

/// <summary>One breadcrumb link.</summary>
public sealed record Crumb(string Label, string Href);
