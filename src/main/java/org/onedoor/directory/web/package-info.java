/**
 * Directory pages, edit forms, CSV downloads and the directory API.
 */
package org.onedoor.directory.web;
