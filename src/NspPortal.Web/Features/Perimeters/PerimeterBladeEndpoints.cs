using NspPortal.Web.Features.Perimeters.Associations;
using NspPortal.Web.Features.Perimeters.Diagnostics;
using NspPortal.Web.Features.Perimeters.Links;
using NspPortal.Web.Features.Perimeters.Management;
using NspPortal.Web.Features.Perimeters.Overview;

namespace NspPortal.Web.Features.Perimeters;

/// <summary>Maps the write endpoints of the perimeter blade's pages (each declares its own permission).</summary>
internal static class PerimeterBladeEndpoints
{
    public static void MapPerimeterBlade(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAssociatedResources();
        endpoints.MapPerimeterDelete();
        endpoints.MapLinkBlades();
        endpoints.MapDiagnosticSettings();
        endpoints.MapExportTemplate();
    }
}
