package org.onedoor.directory.web;

import org.onedoor.directory.internal.DirectoryCatalog;
import org.onedoor.directory.internal.DirectoryEditor;
import org.onedoor.directory.internal.ServiceDetails;
import org.onedoor.identity.CurrentUser;
import org.onedoor.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Sets a service's referral time limits. Reading them is part of {@code GET /api/v1/services/{id}}. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Directory")
class ServiceTimeLimitsApiController {

    private final DirectoryCatalog catalog;
    private final DirectoryEditor editor;

    ServiceTimeLimitsApiController(DirectoryCatalog catalog, DirectoryEditor editor) {
        this.catalog = catalog;
        this.editor = editor;
    }

    @PutMapping("/services/{id}/time-limits")
    @Operation(summary = "Set the business days a receiving partner has to respond to a referral and to make first contact",
            description = "Both fields are required, each a whole number from 1 to 60. Partner administrators may "
                    + "set them for their own partner's services, administrators for any service.")
    DirectoryApiController.TimeLimitsJson update(@PathVariable long id, @AuthenticationPrincipal CurrentUser user,
                                                 @RequestBody DirectoryApiController.TimeLimitsJson body) {
        editor.updateTimeLimits(user, id, body.responseDays(), body.firstContactDays());
        ServiceDetails service = catalog.findService(id).orElseThrow(() -> NotFoundException.of("Service", id));
        return new DirectoryApiController.TimeLimitsJson(service.responseDays(), service.firstContactDays());
    }
}
