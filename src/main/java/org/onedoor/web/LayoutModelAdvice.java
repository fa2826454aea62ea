package org.onedoor.web;

import org.onedoor.directory.Directory;
import org.onedoor.directory.PartnerSummary;
import org.onedoor.identity.CurrentUser;
import org.onedoor.notifications.Notifications;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds what the page layout shows on every page: the signed-in user, their partner, their unread notifications
 * and the current path. {@code @ControllerAdvice(annotations = Controller.class)} also matches every
 * {@code @RestController}, so the values that need a query are left out for handlers that write a response body
 * instead of a page.
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
    String currentPartnerName(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        if (writesResponseBody(request)) {
            return null;
        }
        if (user == null || user.partnerId() == null) {
            return user != null && user.isAdministrator() ? "All partners (administrator)" : null;
        }
        return directory.findPartner(user.partnerId()).map(PartnerSummary::name).orElse(null);
    }

    @ModelAttribute("unreadNotificationCount")
    Long unreadNotificationCount(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        return user == null || writesResponseBody(request) ? null : notifications.unreadCount(user.id());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** Tells whether the request's handler method writes its return value as the body, as API endpoints do. */
    private static boolean writesResponseBody(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return false;
        }
        return handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
    }
}
