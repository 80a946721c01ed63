using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace NspPortal.Web.Features.ResourcePicker;

/// <summary>What the "Select resources" pane holds between requests, as form fields named <c>picker.*</c>: the filters,
/// the page, the resources ticked so far (on any page) and the ones the host already has (not listed again). The pane's
/// inputs sit inside the host's form, so the host's post carries them; the list's own htmx GET
/// (<see cref="ResourcePickerPage"/>) sends the same names in the query string.</summary>
public sealed record ResourcePickerState(PickerFilter Filter, IReadOnlyList<string> Selected, IReadOnlyList<string> Exclude)
{
    /// <summary>The posted field names.</summary>
    public static class Fields
    {
        public const string Open = "picker.open";
        public const string Subscription = "picker.subscription";
        public const string Type = "picker.type";
        public const string Name = "picker.name";
        public const string Page = "picker.page";
        public const string Selected = "picker.selected";
        public const string Exclude = "picker.exclude";
    }

    /// <summary>Most resources a pane carries as selected or excluded: well above the 1000 associations Azure recommends
    /// per perimeter, so a hostile post cannot make the query carry millions of ids.</summary>
    public const int MaxIds = 2000;

    public static ResourcePickerState Empty { get; } = new(PickerFilter.None, [], []);

    /// <summary>True when the post says the pane is open (its hidden <c>picker.open</c> field).</summary>
    public static bool IsOpen(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form[Fields.Open] == "true";
    }

    public static ResourcePickerState FromForm(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Read(name => form[name]);
    }

    public static ResourcePickerState FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(name => query[name]);
    }

    private static ResourcePickerState Read(Func<string, StringValues> values)
    {
        var subscription = Guid.TryParse(values(Fields.Subscription).FirstOrDefault(), out var id) ? id : (Guid?)null;
        var type = values(Fields.Type).FirstOrDefault() is { Length: > 0 and <= 200 } t ? t : null;
        var name = values(Fields.Name).FirstOrDefault() is { Length: > 0 } n ? n[..Math.Min(n.Length, 200)] : null;
        var page = int.TryParse(values(Fields.Page).LastOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        return new ResourcePickerState(new PickerFilter(subscription, type, name, page), Ids(values(Fields.Selected)), Ids(values(Fields.Exclude)));
    }

    private static List<string> Ids(StringValues values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v) && v.Length <= 1000).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxIds)];

    /// <summary>The list's query string: filters, page, selected and excluded ids.</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        if (Filter.Subscription is { } s) parts.Add($"{Fields.Subscription}={s}");
        if (!string.IsNullOrEmpty(Filter.Type)) parts.Add($"{Fields.Type}={Uri.EscapeDataString(Filter.Type)}");
        if (!string.IsNullOrEmpty(Filter.Name)) parts.Add($"{Fields.Name}={Uri.EscapeDataString(Filter.Name)}");
        if ((page ?? Filter.Page) > 1) parts.Add($"{Fields.Page}={page ?? Filter.Page}");
        parts.AddRange(Selected.Select(id => $"{Fields.Selected}={Uri.EscapeDataString(id)}"));
        parts.AddRange(Exclude.Select(id => $"{Fields.Exclude}={Uri.EscapeDataString(id)}"));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
