package org.onedoor.web;

import org.onedoor.directory.Directory;
import org.onedoor.directory.PartnerSummary;
import org.onedoor.identity.CurrentUser;
import org.onedoor.notifications.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds what the page layout shows on every page: the signed-in user, their partner, their unread notifications
 * and the current path.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModelAdvice {

    private final Directory directory;
    private final Notifications notifications;

    LayoutModelAdvice(Directory directory, Notifications notifications) {
        this.directory = directory;
        this.notifications = notifications;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser(@AuthenticationPrincipal CurrentUser user) {
        return user;
    }

    @ModelAttribute("currentPartnerName")
    String currentPartnerName(@AuthenticationPrincipal CurrentUser user) {
        if (user == null || user.partnerId() == null) {
            return user != null && user.isAdministrator() ? "All partners (administrator)" : null;
        }
        return directory.findPartner(user.partnerId()).map(PartnerSummary::name).orElse(null);
    }

    @ModelAttribute("unreadNotificationCount")
    Long unreadNotificationCount(@AuthenticationPrincipal CurrentUser user) {
        return user == null ? null : notifications.unreadCount(user.id());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
